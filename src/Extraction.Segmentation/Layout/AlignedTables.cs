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
        var header = Runs(head);
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
            var runs = Runs(paragraphs[i]);
            var first = runs.Count > 0 && runs[0].Display < starts[1];
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
                var column = starts.FindLastIndex(s => s <= run.Display + 1);
                row.Cells[Math.Max(0, column)].Append(run.Text, new SourceSpan(i, run.Start, run.Text.Length));
            }

            table.LastParagraph = i;
        }

        return table;
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
