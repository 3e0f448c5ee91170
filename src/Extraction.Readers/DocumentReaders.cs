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

    /// <summary>The readers the product ships with; web pages are read with the page rules of <paramref name="rules"/>.</summary>
    public static DocumentReaders For(RuleSet rules) => new([new TextDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader(), new HtmlDocumentReader(rules)]);

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
