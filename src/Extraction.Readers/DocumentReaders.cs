using Extraction.Model;
using Extraction.Readers.Docx;
using Extraction.Readers.Html;
using Extraction.Readers.Pdf;
using Extraction.Readers.Text;
using Extraction.Rules;

namespace Extraction.Readers;

/// <summary>Picks the reader for a file by its content and reads it.</summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<SourceFormat, IDocumentReader> readers;

    public DocumentReaders(IEnumerable<IDocumentReader> readers)
    {
        this.readers = readers.ToDictionary(r => r.Format);
    }

    /// <summary>
    /// The readers the product ships with: web pages are read with the page rules of
    /// <paramref name="rules"/>, and a PDF line that its paragraph rules read as a heading, a task,
    /// a label or a problem opens a paragraph.
    /// </summary>
    public static DocumentReaders For(RuleSet rules) =>
        new([new TextDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader(OpensParagraph(rules)), new HtmlDocumentReader(rules)]);

    private static readonly ParagraphRole[] Structural =
    [
        ParagraphRole.Part, ParagraphRole.Category, ParagraphRole.Task, ParagraphRole.TaskText, ParagraphRole.Departments, ParagraphRole.Persons,
        ParagraphRole.Progress, ParagraphRole.ProblemsHeading, ParagraphRole.SectionEnd, ParagraphRole.Problem, ParagraphRole.ProblemList,
    ];

    private static Func<string, bool> OpensParagraph(RuleSet rules)
    {
        var structural = rules.Paragraphs.Where(p => Structural.Contains(p.Role) && p.Rule.Scope != RuleScope.Head).ToList();
        return line =>
        {
            var folded = rules.Folding.Fold(line);
            return structural.Any(r => r.Rule.Pattern.IsMatch(folded));
        };
    }

    public ReadResult Read(byte[] content)
    {
        var (format, error) = FormatDetector.Detect(content);
        if (format is not { } known)
        {
            return ReadResult.Failure(error ?? "unknown format");
        }

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
