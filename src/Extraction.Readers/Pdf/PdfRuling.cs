namespace Extraction.Readers.Pdf;

/// <summary>A ruled line of a page in its reading frame: horizontal at <paramref name="At"/> = y from <paramref name="From"/> to <paramref name="To"/> along x, or vertical at x = <paramref name="At"/> from y <paramref name="From"/> to <paramref name="To"/>.</summary>
public readonly record struct PdfRuling(bool Horizontal, double At, double From, double To)
{
    public static PdfRuling Across(double y, double x1, double x2) => new(true, y, Math.Min(x1, x2), Math.Max(x1, x2));

    public static PdfRuling Down(double x, double y1, double y2) => new(false, x, Math.Min(y1, y2), Math.Max(y1, y2));
}
