
namespace Extraction.Model;

/// <summary>What a reader gives the segmenter: the paragraphs of a document in reading order.</summary>
/// <param name="Warnings">What the reader had to repair to read the file (invalid bytes replaced); they become the bulletin's warnings.</param>
/// <param name="ConvertedFrom">The file's own format when LibreOffice converted it to <paramref name="Format"/> first.</param>
/// <param name="Ocr">The text was recognised from page images (a scan), not read from a text layer.</param>
public sealed record RawDocument(SourceFormat Format, IReadOnlyList<RawParagraph> Paragraphs, int? Pages, IReadOnlyList<string>? Warnings = null, LegacyFormat? ConvertedFrom = null, bool Ocr = false);

/// <summary>
/// One paragraph as the document lays it out. A table row arrives as one paragraph whose
/// cells are joined by <see cref="CellSeparator"/>.
/// </summary>
/// <param name="IsPageMetadata">A line the web page prints about the document (its publication record), kept for the facts it states; never text of the bulletin.</param>
/// <param name="Indent">In plain text, the display width of the white space the line opens with (columns aligned with spaces are told by it).</param>
/// <param name="BlankBefore">In plain text, a blank line comes before this one (tables written one cell per line separate cells so).</param>
/// <param name="Confidence">Recognised text only: the mean confidence (0–100) the OCR engine gave its words, weighted by their length.</param>
public sealed record RawParagraph(string Text, int? Page = null, bool IsPageMetadata = false, int Indent = 0, bool BlankBefore = false, double? Confidence = null)
{
    public const string CellSeparator = " | ";
}
