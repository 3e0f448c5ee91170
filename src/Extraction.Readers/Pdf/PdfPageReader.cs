using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Takes the glyphs of one PdfPig page into the page's reading frame. A page set sideways
/// (text running up or down) is read along its text; glyphs in another direction than most
/// of the page's (a diagonal watermark, a vertical margin note) are left out. Ruled tables
/// are read row by row (<see cref="PdfTableReader"/>), the rest line by line.
/// </summary>
internal static class PdfPageReader
{
    public static PdfPageLines Read(Page page)
    {
        var letters = page.Letters;
        if (letters.Count == 0)
        {
            return new PdfPageLines(page.Number, 0, page.Height, []);
        }

        var orientation = letters.GroupBy(l => l.TextOrientation).MaxBy(g => g.Count())!.Key;
        var (dx, dy) = Direction(letters, orientation);
        var (nx, ny) = (-dy, dx);

        var box = page.CropBox.Bounds;
        double[] heights = [Dot(box.BottomLeft, nx, ny), Dot(box.BottomRight, nx, ny), Dot(box.TopLeft, nx, ny), Dot(box.TopRight, nx, ny)];
        var (bottom, top) = (heights.Min(), heights.Max());

        var glyphs = new List<PdfGlyph>(letters.Count);
        foreach (var letter in letters)
        {
            if (string.IsNullOrEmpty(letter.Value) || !Along(letter, dx, dy))
            {
                continue;
            }

            var start = Dot(letter.StartBaseLine, dx, dy);
            var end = Dot(letter.EndBaseLine, dx, dy);
            var baseline = Dot(letter.StartBaseLine, nx, ny);
            if (!double.IsFinite(start + end + baseline) || baseline < bottom - 1 || baseline > top + 1)
            {
                continue; // off the page (or nowhere, in a broken file): not printed
            }

            var size = letter.PointSize > 0 ? letter.PointSize : letter.FontSize;
            if (!(size > 0 && double.IsFinite(size)))
            {
                size = double.IsFinite(letter.BoundingBox.Height) ? Math.Max(1, letter.BoundingBox.Height) : 1;
            }

            glyphs.Add(new PdfGlyph(letter.Value, Math.Min(start, end), Math.Max(start, end), baseline, size));
        }

        var rulings = PdfRulings.Read(page, p => (Dot(p, dx, dy), Dot(p, nx, ny)));
        var (rest, rows) = PdfTableReader.Extract(glyphs, rulings);
        var lines = PdfLineBuilder.Build(rest);
        if (rows.Count > 0)
        {
            lines = [.. lines.Concat(rows).OrderByDescending(l => l.Baseline)];
        }

        return new PdfPageLines(page.Number, bottom, top, lines);
    }

    private static (double X, double Y) Direction(IReadOnlyList<Letter> letters, TextOrientation orientation)
    {
        if (orientation == TextOrientation.Horizontal)
        {
            return (1, 0);
        }

        double x = 0, y = 0;
        foreach (var letter in letters)
        {
            if (letter.TextOrientation == orientation)
            {
                x += letter.EndBaseLine.X - letter.StartBaseLine.X;
                y += letter.EndBaseLine.Y - letter.StartBaseLine.Y;
            }
        }

        var length = Math.Sqrt((x * x) + (y * y));
        return length < 1e-6 ? (1, 0) : (x / length, y / length);
    }

    // By the direction of its baseline, not PdfPig's orientation class: a synthetic italic
    // (a sheared matrix) still runs along the line and must not be lost.
    private static bool Along(Letter letter, double dx, double dy)
    {
        var (x, y) = (letter.EndBaseLine.X - letter.StartBaseLine.X, letter.EndBaseLine.Y - letter.StartBaseLine.Y);
        var length = Math.Sqrt((x * x) + (y * y));
        return length < 0.01 || ((x * dx) + (y * dy)) / length > 0.98;
    }

    private static double Dot(PdfPoint point, double x, double y) => (point.X * x) + (point.Y * y);
}
