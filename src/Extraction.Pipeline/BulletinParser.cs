using System.Security.Cryptography;
using Extraction.Metrics;
using Extraction.Model;
using Extraction.Readers;
using Extraction.Rules;
using Extraction.Segmentation;

namespace Extraction.Pipeline;

/// <summary>Parses one file into a bulletin: read, segment, build. Bad input becomes a one-line error, never an exception.</summary>
public sealed class BulletinParser(RuleSet rules, DocumentReaders readers)
{
    private readonly Segmenter segmenter = new(rules);
    private readonly BulletinBuilder builder = new(rules);
    private readonly MetricTagger metrics = new(rules.Metrics, rules.Folding);

    public BulletinParser(RuleSet rules)
        : this(rules, DocumentReaders.Default)
    {
    }

    public RuleSet Rules => rules;

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

    public ParseOutcome Parse(string fileName, byte[] content, string? path = null)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var read = readers.Read(content);
        if (read.Document is not { } document)
        {
            return ParseOutcome.Failed(path ?? fileName, sha256, read.Error ?? "unreadable");
        }

        var segmented = segmenter.Segment(document);
        var bulletin = TagMetrics(builder.Build(segmented, new SourceInfo(fileName, sha256, document.Format, document.Pages)));
        if (bulletin.Tasks.Count == 0)
        {
            return ParseOutcome.Failed(path ?? fileName, sha256, "no tasks found (is this a progress bulletin?)", bulletin);
        }

        return ParseOutcome.Parsed(path ?? fileName, sha256, bulletin);
    }

    private BulletinDocument TagMetrics(BulletinDocument bulletin) => bulletin with
    {
        Tasks = [.. bulletin.Tasks.Select(t => t with
        {
            Targets = metrics.Tag(t.Text, t.Targets),
            Progress = t.Progress is { } p ? p with { Figures = metrics.Tag(p.Text, p.Figures) } : null,
        })],
    };
}

/// <summary>The result of parsing one file: a bulletin, or the reason there is none.</summary>
public sealed record ParseOutcome(string Path, string? Sha256, BulletinDocument? Bulletin, string? Error)
{
    public bool Succeeded => Error is null && Bulletin is not null;

    public static ParseOutcome Parsed(string path, string sha256, BulletinDocument bulletin) => new(path, sha256, bulletin, null);

    public static ParseOutcome Failed(string path, string? sha256, string error, BulletinDocument? partial = null) =>
        new(path, sha256, partial, error);
}
