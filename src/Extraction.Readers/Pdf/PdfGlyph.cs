namespace Extraction.Readers.Pdf;

/// <summary>
/// One printed character in the page's reading frame: x grows along the text, y grows up the
/// page (PDF points). <paramref name="Left"/> and <paramref name="Right"/> are where its
/// advance starts and ends; <paramref name="Size"/> is the font size in points.
/// <paramref name="Confidence"/> is the OCR engine's for a recognised word (0–100), negative for a printed glyph.
/// </summary>
public readonly record struct PdfGlyph(string Text, double Left, double Right, double Baseline, double Size, double Confidence = -1);
