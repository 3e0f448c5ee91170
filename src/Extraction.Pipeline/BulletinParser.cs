using System.Collections.Concurrent;
using System.Security.Cryptography;
using Extraction.Metrics;
using Extraction.Model;
using Extraction.Readers;
using Extraction.Rules;
using Extraction.Segmentation;

namespace Extraction.Pipeline;

/// <summary>
/// Parses one file into a bulletin: read, choose the rule family, segment, build (figures and
/// their metrics included). Bad input becomes a one-line error, never an exception.
/// </summary>
public sealed class BulletinParser(RuleBook rules, DocumentReaders readers, string? family = null)
{
    private readonly ConcurrentDictionary<string, Stages> stages = new();

    public BulletinParser(RuleBook rules, string? family = null)
        : this(rules, DocumentReaders.For(rules.Common), family)
    {
    }

    public RuleBook Rules => rules;

    public ParseOutcome ParseFile(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseOutcome.Failed(path, null, e.Message);
        }

        return Parse(Path.GetFileName(path), content, path);
    }

    /// <param name="stop">The caller's time limit: it stops the steps that run other programs (LibreOffice converting a legacy file, pdftoppm and tesseract reading a scan).</param>
    public ParseOutcome Parse(string fileName, byte[] content, string? path = null, CancellationToken stop = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var read = Read(content, stop);
        if (read.Document is not { } document)
        {
            return ParseOutcome.Failed(path ?? fileName, sha256, read.Error ?? "unreadable");
        }

        var ruleSet = family is null ? rules.Choose([.. document.Paragraphs.Select(p => p.Text)]) : rules.Find(family)
            ?? throw new ArgumentException($"no rule family '{family}'", nameof(family));
        var (segmenter, builder) = stages.GetOrAdd(ruleSet.Name, _ => new Stages(new Segmenter(ruleSet), new BulletinBuilder(ruleSet, new MetricTagger(ruleSet.Metrics, ruleSet.Folding))));
        var (bulletin, provenance) = builder.Build(segmenter.Segment(document), document, new SourceInfo(fileName, sha256, document.Format, document.Pages, document.ConvertedFrom, document.Ocr ? true : null));

        // Text that is all page furniture is no bulletin; anything else is kept, with a warning when no task was found.
        if (bulletin.Tasks.Count == 0 && (bulletin.Statements ?? []).Count == 0 && bulletin.Problems.Count == 0)
        {
            return ParseOutcome.Failed(path ?? fileName, sha256, "no bulletin text (only page furniture, headings or a title)", bulletin);
        }

        return ParseOutcome.Parsed(path ?? fileName, sha256, bulletin, provenance);
    }

    /// <summary>The document as the rules see it: read by the reader of its format, glosses removed.</summary>
    public ReadResult Read(byte[] content, CancellationToken stop = default)
    {
        var read = readers.Read(content, stop);
        return read.Document is { } document ? ReadResult.Success(Annotations.Remove(document, rules.Common.Annotations)) : read;
    }

    /// <summary>How the paragraphs of a readable document are read by the rules: the family chosen and a note per paragraph.</summary>
    public (string Family, IReadOnlyList<Segmentation.ParagraphNote> Notes)? Inspect(RawDocument document)
    {
        var ruleSet = family is null ? rules.Choose([.. document.Paragraphs.Select(p => p.Text)]) : rules.Find(family);
        return ruleSet is null ? null : (ruleSet.Name, new Segmenter(ruleSet).Segment(document).Notes);
    }

    /// <summary>The furniture rule a paragraph matches (it is dropped before segmentation), or null.</summary>
    public FurnitureRule? Furniture(string paragraph)
    {
        var folded = rules.Common.Folding.Fold(paragraph.Trim());
        return rules.Common.Furniture.FirstOrDefault(f => f.Matches(folded));
    }

    private sealed record Stages(Segmenter Segmenter, BulletinBuilder Builder);
}

/// <summary>The result of parsing one file: a bulletin and why each value is what it is, or the reason there is none.</summary>
public sealed record ParseOutcome(string Path, string? Sha256, BulletinDocument? Bulletin, string? Error, IReadOnlyList<FieldProvenance> Provenance)
{
    public bool Succeeded => Error is null && Bulletin is not null;

    public static ParseOutcome Parsed(string path, string sha256, BulletinDocument bulletin, IReadOnlyList<FieldProvenance> provenance) =>
        new(path, sha256, bulletin, null, provenance);

    public static ParseOutcome Failed(string path, string? sha256, string error, BulletinDocument? partial = null) =>
        new(path, sha256, partial, error, []);
}
