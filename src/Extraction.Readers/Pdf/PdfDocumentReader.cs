using Extraction.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Reads .pdf bulletins from their text layer: glyphs into lines (<see cref="PdfLineBuilder"/>),
/// running headers, footers and page numbers out (<see cref="PdfPageFurniture"/>), lines into
/// paragraphs across pages (<see cref="PdfParagraphAssembler"/>). An owner password (printing
/// or copying restricted) does not stop reading; a user password, damage or a missing text
/// layer is a one-line failure.
/// </summary>
/// <param name="opensParagraph">Whether a line opens a paragraph by what it says; null: by geometry alone.</param>
public sealed class PdfDocumentReader(Func<string, bool>? opensParagraph = null) : IDocumentReader
{
    /// <summary>More pages than any bulletin has; the limit bounds time and memory on hostile files.</summary>
    public const int MaxPages = 2000;

    public const string NoTextLayer = "no text layer (scanned image?)";

    public const string Undecodable = "the text layer cannot be decoded (fonts without a Unicode map)";

    public SourceFormat Format => SourceFormat.Pdf;

    public ReadResult Read(byte[] content)
    {
        if (InflationGuard.Check(content) is { } bomb)
        {
            return ReadResult.Failure(bomb);
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(content);
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadResult.Failure("encrypted PDF: it needs a password to open");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Damaged(e);
        }

        using (document)
        {
            return Read(document);
        }
    }

    private ReadResult Read(PdfDocument document)
    {
        var count = document.NumberOfPages;
        if (count == 0)
        {
            return ReadResult.Failure("damaged PDF: it has no pages");
        }

        if (count > MaxPages)
        {
            return ReadResult.Failure($"too many pages ({count}; at most {MaxPages} are read)");
        }

        var pages = new List<PdfPageLines>(count);
        var letters = 0;
        for (var number = 1; number <= count; number++)
        {
            try
            {
                // One page at a time: only its lines are kept, not PdfPig's page.
                var page = document.GetPage(number);
                letters += page.Letters.Count;
                pages.Add(PdfPageReader.Read(page));
            }
            catch (PdfDocumentEncryptedException)
            {
                return ReadResult.Failure("encrypted PDF: it needs a password to open");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Damaged(e, number);
            }
        }

        if (letters == 0)
        {
            return ReadResult.Failure(NoTextLayer);
        }

        var layout = new PdfLayout(pages);
        var paragraphs = PdfParagraphAssembler.Assemble(PdfPageFurniture.Remove(pages, layout.BodyPitch), opensParagraph);
        return paragraphs.Count == 0 || !Decodable(paragraphs)
            ? ReadResult.Failure(Undecodable)
            : ReadResult.Success(new RawDocument(Format, paragraphs, count));
    }

    /// <summary>
    /// Fonts embedded without a map to Unicode give glyphs no text, or private-use and
    /// replacement characters: such a text layer is there but says nothing.
    /// </summary>
    private static bool Decodable(List<RawParagraph> paragraphs)
    {
        long total = 0, unreadable = 0;
        foreach (var c in paragraphs.SelectMany(p => p.Text))
        {
            total++;
            unreadable += c is '\uFFFD' or (>= '\uE000' and <= '\uF8FF') ? 1 : 0;
        }

        return unreadable * 3 < total;
    }

    private static ReadResult Damaged(Exception e, int? page = null)
    {
        var where = page is { } p ? $" at page {p}" : "";
        var reason = e is PdfDocumentFormatException ? OneLine(e.Message) : $"{e.GetType().Name}: {OneLine(e.Message)}";
        return ReadResult.Failure($"damaged PDF{where}: it cannot be parsed ({reason})");
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
