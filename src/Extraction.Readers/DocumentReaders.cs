using Extraction.Model;
using Extraction.Readers.Docx;
using Extraction.Readers.Html;
using Extraction.Readers.Ocr;
using Extraction.Readers.Office;
using Extraction.Readers.Pdf;
using Extraction.Readers.Text;
using Extraction.Rules;

namespace Extraction.Readers;

/// <summary>Picks the reader for a file by its content and reads it; a legacy file is converted by LibreOffice first.</summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<SourceFormat, IDocumentReader> readers;
    private readonly LibreOfficeConverter converter;
    private readonly OcrDocumentReader? ocr;

    /// <param name="converter">What turns legacy files into .docx; by default soffice as it is found when a file needs it.</param>
    /// <param name="ocr">What reads a PDF without a text layer; null: such a PDF fails.</param>
    public DocumentReaders(IEnumerable<IDocumentReader> readers, LibreOfficeConverter? converter = null, OcrDocumentReader? ocr = null)
    {
        this.readers = readers.ToDictionary(r => r.Format);
        this.converter = converter ?? new LibreOfficeConverter();
        this.ocr = ocr;
    }

    /// <summary>
    /// The readers the product ships with: web pages are read with the page rules of
    /// <paramref name="rules"/>, and a PDF line that its paragraph rules read as a heading, a task,
    /// a label or a problem opens a paragraph. Legacy files go through <paramref name="converter"/>
    /// (by default soffice as it is found when a file needs it). A scan is read by OCR with
    /// <paramref name="ocr"/> (by default tesseract as the environment sets it, its pages kept in
    /// the cache) and mended by the rules' OCR repairs.
    /// </summary>
    public static DocumentReaders For(RuleSet rules, LibreOfficeConverter? converter = null, OcrSettings? ocr = null)
    {
        var opens = OpensParagraph(rules);
        var engine = new TesseractEngine(ocr ?? OcrSettings.FromEnvironment(Rules.Caching.CacheLocator.Directory));
        return new([new TextDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader(opens), new HtmlDocumentReader(rules)], converter, new OcrDocumentReader(engine, opens, rules.Ocr.Apply));
    }

    private static readonly ParagraphRole[] Structural =
    [
        ParagraphRole.Part, ParagraphRole.Category, ParagraphRole.Task, ParagraphRole.TaskText, ParagraphRole.Departments, ParagraphRole.Partners, ParagraphRole.Persons,
        ParagraphRole.Progress, ParagraphRole.ProblemsHeading, ParagraphRole.SectionEnd, ParagraphRole.Problem, ParagraphRole.ProblemList,
    ];

    /// <summary>
    /// Lines that open a paragraph by what they say: those the structural paragraph rules read,
    /// a row of a table written with pipes (its numbered first cell or its leading pipe), the
    /// number column's header cell of a table written one cell per line (序号), and a line
    /// without a letter or a digit (a rule of dashes under a header).
    /// </summary>
    private static Func<string, bool> OpensParagraph(RuleSet rules)
    {
        var structural = rules.Paragraphs.Where(p => Structural.Contains(p.Role) && p.Rule.Scope != RuleScope.Head).ToList();
        var numberHeader = rules.Table?.Columns.FirstOrDefault(c => c.Role == ColumnRole.Number)?.Pattern;
        return line =>
        {
            var text = line.TrimStart();
            if (text.StartsWith('|') || !text.Any(char.IsLetterOrDigit) || PipeRow(text) || numberHeader?.IsMatch(text.Trim()) == true)
            {
                return true;
            }

            var folded = rules.Folding.Fold(line);
            return structural.Any(r => r.Rule.Pattern.IsMatch(folded));
        };

        static bool PipeRow(string text)
        {
            var digits = text.TakeWhile(char.IsAsciiDigit).Count();
            return digits is > 0 and <= 3 && text[digits..].TrimStart().StartsWith('|');
        }
    }

    /// <param name="stop">The caller's deadline: it kills a conversion by LibreOffice, another process, which would outlive a parse its caller abandons.</param>
    public ReadResult Read(byte[] content, CancellationToken stop = default)
    {
        var detected = FormatDetector.Detect(content);
        if (detected.Format is not { } known)
        {
            return ReadResult.Failure(detected.Error ?? "unknown format");
        }

        if (detected.Image is { } image)
        {
            return ocr is not null ? ocr.ReadImage(content, image, stop) : ReadResult.Failure($"an image ({image}): it is read by OCR, which this reader has not");
        }

        if (detected.ConvertFrom is { } legacy)
        {
            return ReadConverted(content, legacy, stop);
        }

        var read = ReadAs(known, content);
        return read.Error == PdfDocumentReader.NoTextLayer && ocr is not null ? ocr.Read(content, stop) : read;
    }

    /// <summary>
    /// The .docx LibreOffice makes of a legacy file, read by the Word reader. The document says
    /// it was converted: bulletin/1 names only the four formats read, so the format is docx and
    /// the file's own is <see cref="RawDocument.ConvertedFrom"/>, with a warning.
    /// </summary>
    private ReadResult ReadConverted(byte[] content, LegacyFormat legacy, CancellationToken stop)
    {
        var (docx, error) = converter.ToDocx(content, legacy, stop);
        if (docx is null)
        {
            return ReadResult.Failure(error ?? "LibreOffice could not convert it");
        }

        var read = ReadAs(SourceFormat.Docx, docx);
        var from = legacy.ToString().ToLowerInvariant();
        return read.Document is { } document
            ? ReadResult.Success(document with { ConvertedFrom = legacy, Warnings = [.. document.Warnings ?? [], $"read from the .docx LibreOffice made of this .{from} file"] })
            : ReadResult.Failure($"{read.Error} (in the .docx LibreOffice made of this .{from} file)");
    }

    private ReadResult ReadAs(SourceFormat known, byte[] content)
    {
        if (!readers.TryGetValue(known, out var reader))
        {
            return ReadResult.Failure($"{known.ToString().ToLowerInvariant()} files are not supported");
        }

        try
        {
            return reader.Read(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Readers report the failures they know; anything else still becomes one line.
            return ReadResult.Failure($"unreadable {known.ToString().ToLowerInvariant()} ({e.GetType().Name}: {e.Message})");
        }
    }
}
