using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Tables whose columns are aligned with spaces in plain text. The header's cells, separated by
/// two spaces or more, fix where each column starts (in display width: a Chinese character takes
/// two columns); each later line's runs of text fall into the column they start in. A line with
/// text in the first column starts a row, a line without continues the row above (a cell that
/// wrapped); a line that fits no column ends the table.
/// </summary>
internal static partial class AlignedTables
{
    private const int MinColumns = 3;

    public static DetectedTable? Read(IReadOnlyList<RawParagraph> paragraphs, int at, ColumnRoles roles)
    {
        var head = paragraphs[at];
        var header = SplitNamed(Runs(head), roles);
        if (header.Count < MinColumns || head.Text.Contains('|') || roles.Header([.. header.Select(r => r.Text)]) is not { } found)
        {
            return null;
        }

        var starts = header.Select(r => r.Display).ToList();
        var table = new DetectedTable("aligned", at, TableFinder.Columns(found, [.. header.Select(r => (r.Text, r.Start))], at, starts));
        var numbered = found[0] == ColumnRole.Number;
        TableRow? row = null;
        for (var i = at + 1; i < paragraphs.Count; i++)
        {
            var runs = AtColumns(Runs(paragraphs[i]), starts);
            var first = runs.Count > 0 && runs[0].Display < starts[1];
            if (first && CellTables.IsNote(paragraphs[i].Text.TrimStart()) && !numbered)
            {
                break;
            }

            if (first && numbered && Numeral.ToInt(runs[0].Text.TrimEnd('*', '＊')) is null && !LooksLikeHeading(runs[0].Text))
            {
                break;
            }

            if (first && runs.Count == 1 && !numbered && runs[0].Text.Length > 2 * starts[1])
            {
                break;
            }

            if (first || row is null)
            {
                row = new TableRow(i, table.Columns.Count);
                table.Rows.Add(row);
            }

            foreach (var run in runs)
            {
                var column = starts.FindLastIndex(s => s <= run.Display + 2);
                row.Cells[Math.Max(0, column)].Append(run.Text, new SourceSpan(i, run.Start, run.Text.Length));
            }

            table.LastParagraph = i;
        }

        return table;
    }

    /// <summary>
    /// Runs cut where a column starts: cells that a narrow gap (one space, as a PDF prints it)
    /// ran together ("新增城镇就业4000人，城镇 县人社局") part at the space that stands on a column's start.
    /// </summary>
    private static List<(string Text, int Start, int Display)> AtColumns(List<(string Text, int Start, int Display)> runs, List<int> starts)
    {
        var cells = new List<(string Text, int Start, int Display)>();
        foreach (var run in runs)
        {
            var from = 0;
            for (var k = run.Text.IndexOf(' '); k >= 0; k = run.Text.IndexOf(' ', k + 1))
            {
                var display = run.Display + DisplayWidth.Of(run.Text.AsSpan(0, k + 1));
                if (starts.Any(s => s > run.Display && Math.Abs(display - s) <= 2))
                {
                    cells.Add((run.Text[from..k], run.Start + from, run.Display + DisplayWidth.Of(run.Text.AsSpan(0, from))));
                    from = k + 1;
                }
            }

            cells.Add((run.Text[from..], run.Start + from, run.Display + DisplayWidth.Of(run.Text.AsSpan(0, from))));
        }

        return cells;
    }

    /// <summary>
    /// Header cells run together by a single space (序号 实事项目, as a PDF prints a narrow gap):
    /// a run whose words each name a different column is that many cells. 牵头 单位 stays one.
    /// </summary>
    private static List<(string Text, int Start, int Display)> SplitNamed(List<(string Text, int Start, int Display)> runs, ColumnRoles roles)
    {
        var cells = new List<(string Text, int Start, int Display)>();
        foreach (var run in runs)
        {
            var words = run.Text.Split(' ');
            var named = words.Select(roles.RoleOf).ToList();
            if (words.Length < 2 || named.Contains(ColumnRole.None) || named.Distinct().Count() < words.Length)
            {
                cells.Add(run);
                continue;
            }

            var offset = 0;
            foreach (var word in words)
            {
                cells.Add((word, run.Start + offset, run.Display + DisplayWidth.Of(run.Text.AsSpan(0, offset))));
                offset += word.Length + 1;
            }
        }

        return cells;
    }

    /// <summary>A row of a nested table that names a category (一、教育卫生类, （一）交通设施) instead of a number.</summary>
    internal static bool LooksLikeHeading(string text) =>
        text.Length > 1 && (text[0] is '（' or '(' || "一二三四五六七八九十".Contains(text[0]) && text.Length > 2 && text[1..].TrimStart("一二三四五六七八九十".ToCharArray()).StartsWith('、'));

    /// <summary>The runs of text of a line separated by two spaces or more, with their offset in the trimmed text and their display column.</summary>
    internal static List<(string Text, int Start, int Display)> Runs(RawParagraph paragraph) =>
        [.. Run().Matches(paragraph.Text).Select(m => (m.Value, m.Index, paragraph.Indent + DisplayWidth.Of(paragraph.Text.AsSpan(0, m.Index))))];

    // Text with single spaces inside it; two spaces, an ideographic space or a tab end a run.
    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s\u3000](?:[^\s\u3000]| (?=[^\s\u3000]))*")]
    private static partial System.Text.RegularExpressions.Regex Run();
}
