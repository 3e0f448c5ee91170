using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Tables written one cell per line: blank lines between cells (a line break inside a cell is
/// then wrap damage: the cell's lines are one text), or, in a copied web page, every line a
/// cell. The header is a run of cells that each name a column; then every row is as many
/// cells, or one fewer when its number is missing (a continuation of the row above). A note
/// (注：…) or a paragraph of running text ends it.
/// </summary>
internal static class CellTables
{
    private const int MinColumns = 3;

    /// <summary>A cell longer than this that ends a sentence is a paragraph after the table, not a cell.</summary>
    private const int MaxCellSentence = 40;

    public static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles)
    {
        // Only a line that names a column can open a header: the scan below is never run for running text.
        if (!IsHeaderCell(paragraphs[at].Text) || roles.RoleOf(paragraphs[at].Text) == ColumnRole.None)
        {
            return null;
        }

        return (paragraphs[at].BlankBefore || at == 0 ? Read(paragraphs, at, roles, Blocks(paragraphs, at)) : null)
            ?? Read(paragraphs, at, roles, [.. Enumerable.Range(at, paragraphs.Count - at).Select(i => (i, i + 1))]);
    }

    private static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles, List<(int Start, int End)> blocks)
    {
        // The header: the run of short cells from here, up to the last that names a column.
        var run = blocks.TakeWhile(b => IsHeaderCell(Text(paragraphs, b))).ToList();
        var count = run.FindLastIndex(b => roles.RoleOf(Text(paragraphs, b)) != ColumnRole.None) + 1;
        if (count < MinColumns || roles.Header([.. run.Take(count).Select(b => Text(paragraphs, b))]) is not { } found)
        {
            return null;
        }

        var header = run.Take(count).Select(b => (Text(paragraphs, b), 0)).ToList();
        var table = new DetectedTable("cells", at, TableFinder.Columns(found, header, at)) { LastParagraph = blocks[count - 1].End - 1 };
        var numbered = found[0] == ColumnRole.Number;
        for (var next = count; next < blocks.Count;)
        {
            var first = Text(paragraphs, blocks[next]);
            var hasNumber = numbered && Numeral.ToInt(first.TrimEnd('*', '＊')) is not null;
            if (!hasNumber && IsNote(first))
            {
                break;
            }

            // A row without its number continues the row above and starts at the second column.
            var row = new TableRow(blocks[next].Start, table.Columns.Count);
            for (var c = numbered && !hasNumber && !AlignedTables.LooksLikeHeading(first) ? 1 : 0; c < table.Columns.Count && next < blocks.Count; c++, next++)
            {
                var (start, end) = blocks[next];
                for (var p = start; p < end; p++)
                {
                    row.Cells[c].Append(paragraphs[p].Text, new SourceSpan(p, 0, paragraphs[p].Text.Length));
                }

                table.LastParagraph = end - 1;
            }

            table.Rows.Add(row);
        }

        return table;
    }

    private static bool IsHeaderCell(string text) =>
        text.Length <= 16 && Numeral.ToInt(text) is null && text.AsSpan().IndexOfAny("。；，,;") < 0;

    private static bool IsNote(string text) =>
        text.StartsWith("注", StringComparison.Ordinal) || text.StartsWith("说明", StringComparison.Ordinal) || text.StartsWith("備註", StringComparison.Ordinal)
        || (text.Length > MaxCellSentence && text.TrimEnd().EndsWith('。'));

    /// <summary>Blocks of lines between blank lines, from a paragraph on, as [start, end) paragraph ranges.</summary>
    private static List<(int Start, int End)> Blocks(IReadOnlyList<RawParagraph> paragraphs, int at)
    {
        var blocks = new List<(int, int)>();
        var start = at;
        for (var i = at + 1; i <= paragraphs.Count; i++)
        {
            if (i == paragraphs.Count || paragraphs[i].BlankBefore)
            {
                blocks.Add((start, i));
                start = i;
            }
        }

        return blocks;
    }

    private static string Text(IReadOnlyList<RawParagraph> paragraphs, (int Start, int End) block) =>
        string.Concat(Enumerable.Range(block.Start, block.End - block.Start).Select(p => paragraphs[p].Text));
}
