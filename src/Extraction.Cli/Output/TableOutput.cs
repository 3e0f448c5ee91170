using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>Rows as an aligned text table; long cells are cut so that rows stay on one line.</summary>
internal static class TableOutput
{
    private const int MaxCellWidth = 48;

    public static void Write(TextWriter w, QueryResult result)
    {
        var cells = result.Rows.Select(r => r.Select(v => CellText.Truncate(CellText.Format(v).ReplaceLineEndings(" "), MaxCellWidth)).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => Math.Max(CellText.DisplayWidth(c), cells.Count == 0 ? 0 : cells.Max(r => CellText.DisplayWidth(r[i])))).ToArray();

        WriteRow(w, [.. result.Columns], widths);
        w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))).TrimEnd());
        foreach (var row in cells)
        {
            WriteRow(w, row, widths);
        }

        w.WriteLine($"({result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")})");
    }

    private static void WriteRow(TextWriter w, string[] cells, int[] widths)
    {
        var padded = cells.Select((c, i) => c + new string(' ', widths[i] - CellText.DisplayWidth(c)));
        w.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
