using Extraction.Readers.Pdf;

namespace Extraction.Readers.Ocr;

/// <summary>
/// Reads a PDF without a text layer (a scan) by OCR: <see cref="TesseractEngine"/> recognises
/// its pages, <see cref="TesseractTsv"/> places the words as glyphs, and the PDF reader's own
/// assembly makes lines and paragraphs of them (page furniture out, paragraphs by indent and
/// gaps), so that segmentation reads a scan as it reads a PDF. <paramref name="repair"/> then
/// mends what OCR damages (rules/common/ocr.yaml), and <see cref="OcrHeadingSequence"/> the
/// heading numerals it misread. The document says it was recognised: the
/// format stays pdf, <see cref="RawDocument.Ocr"/> is set, each paragraph keeps its words' mean
/// confidence, and a warning says so.
/// </summary>
public sealed class OcrDocumentReader(TesseractEngine engine, Func<string, bool>? opensParagraph = null, Func<string, string>? repair = null)
{
    public TesseractEngine Engine => engine;

    public ReadResult Read(byte[] pdf, CancellationToken stop = default) => Assemble(engine.Recognise(pdf, stop), null);

    /// <summary>An image file (png, jpeg, tiff) read as a scan of one page.</summary>
    public ReadResult ReadImage(byte[] image, string kind, CancellationToken stop = default) => Assemble(engine.RecogniseImage(image, kind, stop), kind);

    private ReadResult Assemble((IReadOnlyList<OcrPage>? Pages, string? Error) recognised, string? image)
    {
        var (pages, error) = recognised;
        if (pages is null)
        {
            return ReadResult.Failure(error ?? "OCR failed");
        }

        var lines = pages.Select(p => TesseractTsv.Read(p, engine.Settings.Dpi)).ToList();
        var layout = new PdfLayout(lines);
        // A line opens a paragraph by what it says once repaired: a label read with a character
        // wrong would otherwise run on into the paragraph above, where no opening repair finds it.
        var opens = opensParagraph is null || repair is null ? opensParagraph : line => opensParagraph(repair(line));
        var paragraphs = PdfParagraphAssembler.Assemble(PdfPageFurniture.Remove(lines, layout.BodyPitch), opens);
        if (repair is not null)
        {
            paragraphs = [.. paragraphs.Select(p => p with { Text = repair(p.Text) })];
        }

        paragraphs = OcrHeadingSequence.Repair([.. paragraphs.Where(p => p.Text.Length > 0 && !IsSpeck(p))]);

        if (paragraphs.Count == 0)
        {
            return ReadResult.Failure(image is not null ? $"an image ({image}) in which OCR found no text" : "no text layer (scanned image?), and OCR found no text on its pages");
        }

        var weight = paragraphs.Where(p => p.Confidence is not null).Sum(p => p.Text.Length);
        var mean = weight == 0 ? 0 : paragraphs.Where(p => p.Confidence is not null).Sum(p => p.Confidence!.Value * p.Text.Length) / weight;
        var warning = image is not null ? $"an image ({image}): read by OCR as a one-page scan (tesseract, {engine.Settings.Language}), mean word confidence {mean:0}" : $"no text layer: read by OCR (tesseract, {engine.Settings.Language}, {engine.Settings.Dpi} dpi), mean word confidence {mean:0}";
        return ReadResult.Success(new RawDocument(SourceFormat.Pdf, paragraphs, pages.Count, [warning], Ocr: true));
    }

    // Specks in a margin are read as a character or two (一, 二-允一) that tesseract itself
    // doubts; a short paragraph without a digit read with so little confidence is dropped.
    private static bool IsSpeck(RawParagraph paragraph) =>
        paragraph.Text.Length <= 5 && paragraph.Confidence < 50 && !paragraph.Text.Any(char.IsAsciiDigit);
}
