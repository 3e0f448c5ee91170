using System.Text;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Reads ruled tables: rulings that cross each other make a grid; every row of the grid
/// becomes one line whose cells are joined by <see cref="RawParagraph.CellSeparator"/>, each
/// cell's lines joined like a paragraph's. A cell without a border above it is merged with the
/// cell above (its text goes there and it stays empty). Glyphs outside every table are
/// returned for ordinary line building.
/// </summary>
public static class PdfTableReader
{
    private const double Tolerance = 2;

    public static (List<PdfGlyph> Outside, List<PdfTextLine> Rows) Extract(IReadOnlyList<PdfGlyph> glyphs, IReadOnlyList<PdfRuling> rulings)
    {
        var rest = glyphs.ToList();
        var rows = new List<PdfTextLine>();
        if (rulings.Count < 5)
        {
            return (rest, rows);
        }

        foreach (var grid in Grids(rulings))
        {
            rest = Fill(grid, rest, rows);
        }

        return (rest, rows);
    }

    private static List<PdfGlyph> Fill(Grid grid, List<PdfGlyph> glyphs, List<PdfTextLine> rows)
    {
        var outside = new List<PdfGlyph>(glyphs.Count);
        foreach (var glyph in glyphs)
        {
            var (x, y) = ((glyph.Left + glyph.Right) / 2, glyph.Baseline + (0.3 * glyph.Size));
            var cell = grid.Cells.FirstOrDefault(c => !c.Merged && c.Contains(x, y));
            if (cell is null)
            {
                outside.Add(glyph);
            }
            else
            {
                cell.Glyphs.Add(glyph);
            }
        }

        foreach (var row in grid.Cells.GroupBy(c => c.Row))
        {
            var texts = row.Select(c => CellText(c.Glyphs)).ToList();
            var printed = row.SelectMany(c => c.Glyphs).ToList();
            if (printed.Count == 0)
            {
                continue;
            }

            var size = printed.GroupBy(g => Math.Round(g.Size, 1)).MaxBy(g => g.Count())!.Key;
            var top = row.Max(c => c.Top);
            rows.Add(new PdfTextLine(string.Join(RawParagraph.CellSeparator, texts), grid.Left, grid.Right, top - 1, size, 0) { IsTableRow = true });
        }

        return outside;
    }

    private static string CellText(List<PdfGlyph> glyphs)
    {
        var text = new StringBuilder();
        foreach (var line in PdfLineBuilder.Build(glyphs))
        {
            if (text.Length > 0 && CjkText.SpaceAcrossLineBreak(text[^1], line.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(line.Text);
        }

        return text.ToString();
    }

    /// <summary>Groups rulings that touch into grids of at least two rows and two columns.</summary>
    private static IEnumerable<Grid> Grids(IReadOnlyList<PdfRuling> rulings)
    {
        var parent = Enumerable.Range(0, rulings.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < rulings.Count; i++)
        {
            for (var j = i + 1; j < rulings.Count; j++)
            {
                if (Touch(rulings[i], rulings[j]))
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        foreach (var component in Enumerable.Range(0, rulings.Count).GroupBy(Find))
        {
            var members = component.Select(i => rulings[i]).ToList();
            var grid = Grid.Build(members.Where(r => r.Horizontal).ToList(), members.Where(r => !r.Horizontal).ToList());
            if (grid is not null)
            {
                yield return grid;
            }
        }
    }

    private static bool Touch(PdfRuling a, PdfRuling b)
    {
        if (a.Horizontal == b.Horizontal)
        {
            return Math.Abs(a.At - b.At) <= Tolerance && a.From <= b.To + Tolerance && b.From <= a.To + Tolerance;
        }

        return Crosses(a, b.At, b.From, b.To);
    }

    /// <summary>Whether a ruling crosses (or touches) the perpendicular one at <paramref name="at"/> running from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static bool Crosses(PdfRuling ruling, double at, double from, double to) =>
        Spans(ruling, at) && from - Tolerance <= ruling.At && ruling.At <= to + Tolerance;

    private static bool Spans(PdfRuling ruling, double position) => ruling.From - Tolerance <= position && position <= ruling.To + Tolerance;

    private static List<double> Positions(IEnumerable<double> values)
    {
        var positions = new List<double>();
        foreach (var v in values.Order())
        {
            if (positions.Count == 0 || v - positions[^1] > Tolerance)
            {
                positions.Add(v);
            }
        }

        return positions;
    }

    private sealed class Grid
    {
        public required double Left { get; init; }

        public required double Right { get; init; }

        public required List<Cell> Cells { get; init; }

        public static Grid? Build(List<PdfRuling> across, List<PdfRuling> down)
        {
            var ys = Positions(across.Select(r => r.At));
            ys.Reverse();
            var xs = Positions(down.Select(r => r.At));

            // One column is a framed box, one row a page frame with a rule down the middle:
            // their text reads better as paragraphs.
            if (ys.Count < 3 || xs.Count < 3)
            {
                return null;
            }

            var cells = new List<Cell>();
            for (var row = 0; row + 1 < ys.Count; row++)
            {
                var (top, bottom) = (ys[row], ys[row + 1]);
                var middle = (top + bottom) / 2;
                var bounds = xs.Where((x, i) => i == 0 || i == xs.Count - 1 || down.Any(d => Math.Abs(d.At - x) <= Tolerance && Spans(d, middle))).ToList();
                for (var i = 0; i + 1 < bounds.Count; i++)
                {
                    var cell = new Cell(row, bounds[i], bounds[i + 1], top, bottom);
                    var centre = (cell.Left + cell.Right) / 2;
                    var bordered = row == 0 || across.Any(a => Math.Abs(a.At - top) <= Tolerance && Spans(a, centre));
                    var above = bordered ? null : cells.LastOrDefault(c => !c.Merged && c.Row < row && c.Left - Tolerance <= centre && centre <= c.Right + Tolerance);
                    if (above is not null)
                    {
                        above.Bottom = bottom;
                        cell.Merged = true;
                    }

                    cells.Add(cell);
                }
            }

            return new Grid { Left = xs[0], Right = xs[^1], Cells = cells };
        }
    }

    private sealed class Cell(int row, double left, double right, double top, double bottom)
    {
        public int Row { get; } = row;

        public double Left { get; } = left;

        public double Right { get; } = right;

        public double Top { get; } = top;

        public double Bottom { get; set; } = bottom;

        public bool Merged { get; set; }

        public List<PdfGlyph> Glyphs { get; } = [];

        public bool Contains(double x, double y) => Left - Tolerance <= x && x <= Right + Tolerance && Bottom - Tolerance <= y && y <= Top + Tolerance;
    }
}
