using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>Tables whose rows are paragraphs of cells joined by | — as every reader gives a real table, and as text dumps write one.</summary>
internal static class PipeTables
{
    public static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles, CellKinds kinds)
    {
        // A table written "| a | b |" has an empty cell outside each edge: rows are cut as the header is.
        var text = paragraphs[at].Text.Trim();
        var (lead, trail) = (text.StartsWith('|'), text.EndsWith('|'));
        var header = Cells(text, lead, trail);
        if (header.Count < 2 || roles.Header([.. header.Select(c => c.Text)]) is not { } found)
        {
            return null;
        }

        var table = new DetectedTable("pipes", at, TableFinder.Columns(found, header, at));
        for (var i = at + 1; i < paragraphs.Count && Cells(paragraphs[i].Text, lead, trail) is { Count: > 0 } cells; i++)
        {
            var row = new TableRow(i, table.Columns.Count);
            var columns = Columns(cells, found, kinds);
            for (var c = 0; c < cells.Count; c++)
            {
                if (cells[c].Text.Length > 0 && columns[c] < row.Cells.Length)
                {
                    var field = row.Cells[columns[c]];
                    field.Append(field.IsEmpty ? "" : " ", new SourceSpan(i, cells[c].Start, 0));
                    field.Append(cells[c].Text, new SourceSpan(i, cells[c].Start, cells[c].Text.Length));
                }
            }

            table.Rows.Add(row);
            table.LastParagraph = i;
        }

        return table;
    }

    /// <summary>
    /// The column of each cell: its position, unless the row lost cells — fewer cells than the
    /// header, or text where the number belongs ("新增学位810个 | | |", a merged row packed to the
    /// left) — then its filled cells are put back under their columns by what they hold.
    /// </summary>
    private static int[] Columns(List<(string Text, int Start)> cells, IReadOnlyList<ColumnRole> header, CellKinds kinds)
    {
        var positions = Enumerable.Range(0, cells.Count).ToArray();
        var numberFirst = header[0] == ColumnRole.Number;
        var shifted = numberFirst && cells[0].Text.Length > 0 && kinds.Of(cells[0].Text) != CellKind.Ordinal && !AlignedTables.LooksLikeHeading(cells[0].Text);
        if (cells.Count >= header.Count && !shifted)
        {
            return positions;
        }

        var filled = positions.Where(c => cells[c].Text.Length > 0).ToList();
        var skip = shifted ? 1 : 0;
        var placed = RowAligner.Align([.. filled.Select(c => kinds.Of(cells[c].Text))], [.. header.Skip(skip)]);
        if (placed is null || filled.Count < 2 && !shifted)
        {
            return positions;
        }

        var columns = Enumerable.Repeat(int.MaxValue, cells.Count).ToArray();
        for (var f = 0; f < filled.Count; f++)
        {
            columns[filled[f]] = placed[f] + skip;
        }

        return columns;
    }

    /// <summary>
    /// The cells of a row with their offsets; none for a paragraph without |. The empty cell
    /// a leading or trailing | makes is not a cell when the header has one there too, nor an
    /// empty cell after a last | (a row of "a | b |").
    /// </summary>
    public static List<(string Text, int Start)> Cells(string paragraph, bool lead, bool trail)
    {
        var cells = new List<(string, int)>();
        if (!paragraph.Contains('|'))
        {
            return cells;
        }

        var start = 0;
        foreach (var part in paragraph.Split('|'))
        {
            var spaces = part.Length - part.TrimStart().Length;
            cells.Add((part.Trim(), start + spaces));
            start += part.Length + 1;
        }

        if (cells.Count > 1 && cells[^1].Item1.Length == 0 && (trail || paragraph.TrimEnd().EndsWith('|')))
        {
            cells.RemoveAt(cells.Count - 1);
        }

        if (cells.Count > 1 && cells[0].Item1.Length == 0 && lead)
        {
            cells.RemoveAt(0);
        }

        return cells.Count > 1 ? cells : [];
    }
}
