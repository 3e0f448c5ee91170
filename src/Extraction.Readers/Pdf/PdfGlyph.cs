namespace Extraction.Readers.Pdf;

/// <summary>
/// One printed character in the page's reading frame: x grows along the text, y grows up the
/// page (PDF points). <paramref name="Left"/> and <paramref name="Right"/> are where its
/// advance starts and ends; <paramref name="Size"/> is the font size in points.
/// </summary>
public readonly record struct PdfGlyph(string Text, double Left, double Right, double Baseline, double Size);
