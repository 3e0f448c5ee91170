using Extraction.Readers;

namespace Extraction.Segmentation.Layout;

/// <summary>Tables whose rows are paragraphs of cells joined by | — as every reader gives a real table, and as text dumps write one.</summary>
internal static class PipeTables
{
    public static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles)
    {
        var header = Cells(paragraphs[at].Text);
        if (header.Count < 2 || roles.Header([.. header.Select(c => c.Text)]) is not { } found)
        {
            return null;
        }

        var table = new DetectedTable("pipes", at, TableFinder.Columns(found, header, at));
        for (var i = at + 1; i < paragraphs.Count && Cells(paragraphs[i].Text) is { Count: > 0 } cells; i++)
        {
            var row = new TableRow(i, table.Columns.Count);
            for (var c = 0; c < cells.Count && c < row.Cells.Length; c++)
            {
                if (cells[c].Text.Length > 0)
                {
                    row.Cells[c].Append(cells[c].Text, new SourceSpan(i, cells[c].Start, cells[c].Text.Length));
                }
            }

            table.Rows.Add(row);
            table.LastParagraph = i;
        }

        return table;
    }

    /// <summary>
    /// The cells of a row with their offsets; none for a paragraph without |. The empty cell
    /// that a leading or trailing | makes ("| a | b |") is not a cell.
    /// </summary>
    public static List<(string Text, int Start)> Cells(string paragraph)
    {
        var cells = new List<(string, int)>();
        if (!paragraph.Contains('|'))
        {
            return cells;
        }

        var start = 0;
        foreach (var part in paragraph.Split('|'))
        {
            var lead = part.Length - part.TrimStart().Length;
            cells.Add((part.Trim(), start + lead));
            start += part.Length + 1;
        }

        if (cells.Count > 1 && cells[^1].Item1.Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        if (cells.Count > 1 && cells[0].Item1.Length == 0)
        {
            cells.RemoveAt(0);
        }

        return cells.Count > 1 ? cells : [];
    }
}
