using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>
/// Rows as an aligned text table; long cells are cut so that rows stay on one line. Column
/// widths come from the first rows; the rest are streamed in those widths.
/// </summary>
internal static class TableOutput
{
    private const int MaxCellWidth = 48;
    private const int WidthRows = 1000;

    public static void Write(TextWriter w, QueryResult result) => Write(w, result.Columns, result.Rows);

    public static void Write(TextWriter w, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var all = rows.GetEnumerator();
        var first = new List<string[]>();
        while (first.Count < WidthRows && all.MoveNext())
        {
            first.Add(Cells(all.Current));
        }

        var widths = columns.Select((c, i) => Math.Max(CellText.DisplayWidth(c), first.Count == 0 ? 0 : first.Max(r => CellText.DisplayWidth(r[i])))).ToArray();
        WriteRow(w, [.. columns], widths);
        w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))).TrimEnd());
        foreach (var row in first)
        {
            WriteRow(w, row, widths);
        }

        var count = first.Count;
        while (all.MoveNext())
        {
            WriteRow(w, [.. Cells(all.Current).Select((c, i) => CellText.Truncate(c, widths[i]))], widths);
            count++;
        }

        w.WriteLine($"({count} row{(count == 1 ? "" : "s")})");
    }

    private static string[] Cells(object?[] row) => [.. row.Select(v => CellText.Truncate(CellText.Format(v).ReplaceLineEndings(" "), MaxCellWidth))];

    private static void WriteRow(TextWriter w, string[] cells, int[] widths)
    {
        var padded = cells.Select((c, i) => c + new string(' ', Math.Max(0, widths[i] - CellText.DisplayWidth(c))));
        w.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
