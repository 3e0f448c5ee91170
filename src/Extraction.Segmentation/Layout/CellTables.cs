using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Tables written one cell at a time: blank lines between cells (a line break inside a cell is
/// then wrap damage: the cell's lines are one text), every line a cell, or every line a cell
/// closed by | (a copied page; runs of | are its empty cells). The header is a run of cells
/// that each name a column (a cell that only finishes the one before it joins it: 工程 / 名称).
/// In a numbered table each row starts at the next number of the sequence and its cells are put
/// back under their columns by what they hold (<see cref="RowAligner"/>), so that merged and
/// dropped cells do not shift the rest; without numbers every row is as many cells as the
/// header. A note (注：…) or a paragraph of running text ends it.
/// </summary>
internal static class CellTables
{
    private const int MinColumns = 3;

    /// <summary>A cell longer than this that ends a sentence is a paragraph after the table, not a cell.</summary>
    private const int MaxCellSentence = 40;

    private const int MaxHeaderRun = 40;

    private readonly record struct Cell(int Start, int End, string Text);

    public static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles, CellKinds kinds)
    {
        // Only a line that names a column can open a header: the scan below is never run for running text.
        var closed = PipeCell(paragraphs[at].Text);
        var opening = closed ?? paragraphs[at].Text;
        if (!IsHeaderCell(opening) || roles.RoleOf(opening) == ColumnRole.None)
        {
            return null;
        }

        if (closed is not null)
        {
            return Read(paragraphs, at, roles, kinds, PipeLines(paragraphs, at));
        }

        return (paragraphs[at].BlankBefore || at == 0 ? Read(paragraphs, at, roles, kinds, Blocks(paragraphs, at)) : null)
            ?? Read(paragraphs, at, roles, kinds, Lines(paragraphs, at));
    }

    private static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles, CellKinds kinds, List<Cell> cells)
    {
        // The header: the run of short cells from here, up to the last that names a column.
        var run = cells.TakeWhile(c => IsHeaderCell(c.Text)).Take(MaxHeaderRun).ToList();
        var merged = roles.Merge([.. run.Select(c => c.Text)]);
        var count = merged.FindLastIndex(m => roles.RoleOf(m.Text) != ColumnRole.None) + 1;
        if (count < MinColumns || roles.Header([.. merged.Take(count).Select(m => m.Text)]) is not { } found)
        {
            return null;
        }

        // The first row's cells left of its number end the run (工程名称 | 序号 | … | 就业促进工程 | 1): they are no header.
        var numberColumn = found.ToList().IndexOf(ColumnRole.Number);
        var end = merged[count - 1].First + merged[count - 1].Count;
        if (numberColumn > 0 && count - numberColumn > numberColumn + 2 && end == run.Count && end < cells.Count && kinds.Of(cells[end].Text) == CellKind.Ordinal
            && roles.Header([.. merged.Take(count - numberColumn).Select(m => m.Text)]) is { } shorter)
        {
            count -= numberColumn;
            found = shorter;
            end = merged[count - 1].First + merged[count - 1].Count;
        }

        var header = merged.Take(count).Select(m => (m.Text, 0)).ToList();
        var table = new DetectedTable("cells", at, TableFinder.Columns(found, header, at)) { LastParagraph = cells[end - 1].End - 1 };
        if (numberColumn < 0)
        {
            FixedRows(paragraphs, table, cells, end, kinds);
        }
        else
        {
            NumberedRows(paragraphs, table, cells, end, numberColumn, kinds);
        }

        return table;
    }

    /// <summary>Rows of a table without numbers: as many cells as the header each.</summary>
    private static void FixedRows(IReadOnlyList<RawParagraph> paragraphs, DetectedTable table, List<Cell> cells, int next, CellKinds kinds)
    {
        var columns = table.Columns.Count;
        while (next < cells.Count && !IsNote(cells[next].Text))
        {
            var row = new TableRow(cells[next].Start, columns);
            for (var c = 0; c < columns && next < cells.Count; c++, next++)
            {
                Put(paragraphs, row, c, cells[next], table.Columns[c].Role, kinds);
                table.LastParagraph = cells[next].End - 1;
            }

            table.Rows.Add(row);
        }
    }

    /// <summary>
    /// Rows of a numbered table: each from one number of the sequence to the next. Cells past the
    /// last column belong to the next row, left of its number (its category); a heading cell
    /// just before a number (（二）交通设施) is a row of its own.
    /// </summary>
    private static void NumberedRows(IReadOnlyList<RawParagraph> paragraphs, DetectedTable table, List<Cell> cells, int from, int numberColumn, CellKinds kinds)
    {
        var kind = cells.Select(c => new Lazy<CellKind>(() => kinds.Of(c.Text))).ToList();
        var roles = table.Columns.Select(c => c.Role).ToList();
        var numbered = RowStarts(cells, kind, from, numberColumn, roles.Count - numberColumn - 1);
        var starts = numbered.Select(s => s.Cell).ToList();
        var after = roles.Skip(numberColumn + 1).ToList();
        var before = roles.Take(numberColumn).ToList();
        var pending = starts.Count == 0 ? [] : Enumerable.Range(from, starts[0] - from).Select(i => (Cell: i, Column: Math.Min(i - from, numberColumn - 1))).ToList();
        var longest = 0;
        for (var r = 0; r < starts.Count; r++)
        {
            var row = new TableRow(pending.Count > 0 ? cells[pending[0].Cell].Start : cells[starts[r]].Start, roles.Count);
            foreach (var (i, column) in pending)
            {
                Put(paragraphs, row, column, cells[i], roles[column], kinds);
            }

            Put(paragraphs, row, numberColumn, cells[starts[r]], ColumnRole.Number, kinds);
            var hasNext = r + 1 < starts.Count;
            var stop = hasNext ? starts[r + 1] : LastRowEnd(cells, starts[r] + 1, Math.Max(longest, after.Count + 1), after.Count);
            longest = Math.Max(longest, stop - starts[r] - 1);
            var headings = 0;
            while (hasNext && stop - headings - 1 > starts[r] + 1 && AlignedTables.LooksLikeHeading(cells[stop - headings - 1].Text))
            {
                headings++;
            }

            var segment = Enumerable.Range(starts[r] + 1, stop - headings - starts[r] - 1).ToList();

            // A number skipped in the sequence was lost (at a page break): its row's cells follow this row's.
            var lost = hasNext && numbered[r + 1].Number == numbered[r].Number + 2
                ? new TableRow(cells[starts[r]].Start, roles.Count) { LostNumber = numbered[r].Number + 1 }
                : null;
            List<ColumnRole> targets = [.. after, .. lost is null ? [] : after, .. hasNext ? before : []];
            var rows = lost is null ? 1 : 2;
            var placed = Place(segment.Select(i => kind[i].Value).ToList(), targets, numberColumn == 0 && lost is null);
            pending = [];
            for (var s = 0; s < segment.Count; s++)
            {
                if (placed[s] >= rows * after.Count)
                {
                    pending.Add((segment[s], placed[s] - rows * after.Count));
                }
                else
                {
                    var into = placed[s] < after.Count ? row : lost!;
                    var column = placed[s] % after.Count;
                    Put(paragraphs, into, numberColumn + 1 + column, cells[segment[s]], after[column], kinds);
                }
            }

            table.Rows.Add(row);
            if (lost is { IsEmpty: false })
            {
                table.Rows.Add(lost);
            }

            for (var h = stop - headings; h < stop; h++)
            {
                var heading = new TableRow(cells[h].Start, roles.Count);
                Put(paragraphs, heading, 0, cells[h], roles[0], kinds);
                table.Rows.Add(heading);
            }

            table.LastParagraph = cells[(pending.Count > 0 ? pending[0].Cell : stop) - 1].End - 1;
        }
    }

    /// <summary>
    /// Where the cells of a row go (an index into <paramref name="columns"/> each). A row of exactly
    /// one cell per column, or of whole continuation rows after it, keeps its order; any other is aligned.
    /// </summary>
    private static int[] Place(IReadOnlyList<CellKind> cells, IReadOnlyList<ColumnRole> columns, bool numberFirst)
    {
        if (numberFirst && cells.Count > 0 && cells.Count % columns.Count == 0)
        {
            return [.. Enumerable.Range(0, cells.Count).Select(i => i % columns.Count)];
        }

        return RowAligner.Align(cells, columns) ?? [.. Enumerable.Range(0, cells.Count).Select(i => Math.Min(i, columns.Count - 1))];
    }

    /// <summary>
    /// The cells that start rows: the next number of the sequence (1, 2, 3 …; 9* is 9), followed
    /// by a cell of text (a figure after a number is a target, not a new row), or the number
    /// after it when the row before holds two rows' cells (a number lost at a page break). The first row
    /// starts at once, after no more cells than stand left of the number column; a note ends the table.
    /// </summary>
    private static List<(int Cell, int Number)> RowStarts(List<Cell> cells, List<Lazy<CellKind>> kind, int from, int numberColumn, int columnsAfter)
    {
        var starts = new List<(int Cell, int Number)>();
        int? expected = null;
        for (var i = from; i + 1 < cells.Count; i++)
        {
            if ((starts.Count == 0 && i - from > numberColumn) || (starts.Count > 0 && IsNote(cells[i].Text) && !IsLongSentence(cells[i].Text)))
            {
                break;
            }

            if (kind[i].Value == CellKind.Ordinal && kind[i + 1].Value is CellKind.Text or CellKind.Unit or CellKind.UnitPiece
                && Numeral.ToInt(cells[i].Text.Trim().TrimEnd('*', '＊')) is { } number
                && (expected is { } e ? number == e || number == e + 1 && i - starts[^1].Cell > 2 * columnsAfter : number <= 3))
            {
                starts.Add((i, number));
                expected = number + 1;
            }
        }

        return starts;
    }

    /// <summary>
    /// The last row takes no more cells than the longest row before it; a note ends it, and so
    /// does a paragraph of running text once the row has a cell for each column.
    /// </summary>
    private static int LastRowEnd(List<Cell> cells, int from, int longest, int columns)
    {
        var stop = Math.Min(cells.Count, from + longest);
        for (var i = from; i < stop; i++)
        {
            if (IsNote(cells[i].Text) && (!IsLongSentence(cells[i].Text) || i - from >= columns))
            {
                return i;
            }
        }

        return stop;
    }

    /// <summary>
    /// A cell's lines into a column. A second cell under one column is set apart from the first
    /// by a space, or under a unit column by 、 — unless the first ends in a separator or is a
    /// piece of a name the layout broke (市人力资源 / 社会保障局).
    /// </summary>
    private static void Put(IReadOnlyList<RawParagraph> paragraphs, TableRow row, int column, Cell cell, ColumnRole role, CellKinds kinds)
    {
        var field = row.Cells[column];
        if (!field.IsEmpty)
        {
            var units = role is ColumnRole.Departments or ColumnRole.Partners;
            var joined = units && ("、，,；;".Contains(field.Raw.TrimEnd()[^1]) || kinds.Of(field.Text) == CellKind.UnitPiece);
            field.Append(joined ? "" : units ? "、" : " ", new SourceSpan(cell.Start, 0, 0));
        }

        for (var p = cell.Start; p < cell.End; p++)
        {
            var text = PipeCell(paragraphs[p].Text) ?? paragraphs[p].Text;
            field.Append(text, new SourceSpan(p, 0, text.Length));
        }
    }

    private static bool IsHeaderCell(string text) =>
        text.Length <= 16 && Numeral.ToInt(text.TrimEnd('*', '＊')) is null && text.AsSpan().IndexOfAny("。；，,;") < 0;

    /// <summary>A note under a table (注：…) or a paragraph of running text: the table ends before it.</summary>
    internal static bool IsNote(string text) =>
        text.StartsWith("注", StringComparison.Ordinal) || text.StartsWith("说明", StringComparison.Ordinal) || text.StartsWith("備註", StringComparison.Ordinal)
        || IsLongSentence(text);

    private static bool IsLongSentence(string text) => text.Length > MaxCellSentence && text.TrimEnd().EndsWith('。');

    /// <summary>The text of a line that is one cell closed by | ("区住建局 |"), or null.</summary>
    private static string? PipeCell(string line)
    {
        var text = line.TrimEnd();
        if (!text.EndsWith('|'))
        {
            return null;
        }

        var cell = text[..^1].Trim();
        return cell.Length > 0 && !cell.Contains('|') ? cell : null;
    }

    private static bool IsPipeRun(string line) => line.Trim() is { Length: > 0 } t && t.All(c => c == '|');

    /// <summary>Lines that are cells closed by |, from a paragraph on; runs of | (empty cells) are passed over.</summary>
    private static List<Cell> PipeLines(IReadOnlyList<RawParagraph> paragraphs, int at)
    {
        var cells = new List<Cell>();
        for (var i = at; i < paragraphs.Count; i++)
        {
            if (PipeCell(paragraphs[i].Text) is { } text)
            {
                cells.Add(new Cell(i, i + 1, text));
            }
            else if (!IsPipeRun(paragraphs[i].Text))
            {
                break;
            }
        }

        return cells;
    }

    /// <summary>Lines from a paragraph on, each one cell, up to a line closed by | (a table of another form).</summary>
    private static List<Cell> Lines(IReadOnlyList<RawParagraph> paragraphs, int at) =>
        [.. Enumerable.Range(at, paragraphs.Count - at)
            .TakeWhile(i => PipeCell(paragraphs[i].Text) is null && !IsPipeRun(paragraphs[i].Text))
            .Select(i => new Cell(i, i + 1, paragraphs[i].Text))];

    /// <summary>Blocks of lines between blank lines, from a paragraph on, each one cell.</summary>
    private static List<Cell> Blocks(IReadOnlyList<RawParagraph> paragraphs, int at)
    {
        var cells = new List<Cell>();
        var start = at;
        for (var i = at + 1; i <= paragraphs.Count; i++)
        {
            if (i == paragraphs.Count || paragraphs[i].BlankBefore)
            {
                cells.Add(new Cell(start, i, string.Concat(Enumerable.Range(start, i - start).Select(p => paragraphs[p].Text))));
                start = i;
            }
        }

        return cells;
    }
}
