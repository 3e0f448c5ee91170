using Extraction.Readers;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// The columns of a table-form report, learnt from its header row: which cell holds the task
/// number, the task, its departments, its progress. Rows arrive as paragraphs whose cells are
/// joined by <see cref="RawParagraph.CellSeparator"/>.
/// </summary>
public sealed class TableLayout
{
    private readonly Dictionary<string, int> columns;

    private TableLayout(Dictionary<string, int> columns, Located? period)
    {
        this.columns = columns;
        Period = period;
    }

    /// <summary>The period the progress column speaks for (1—9月 of 1—9月推进情况), if its header states one.</summary>
    public Located? Period { get; }

    /// <summary>The cells of a row with their offsets in the paragraph; a paragraph with no separator has none.</summary>
    public static List<(string Text, int Start)> Cells(string paragraph)
    {
        var cells = new List<(string, int)>();
        if (!paragraph.Contains(RawParagraph.CellSeparator.Trim(), StringComparison.Ordinal))
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

        return cells;
    }

    /// <summary>The layout a header row describes, or null when the row is not a header (it needs a task column and a number or department column).</summary>
    public static TableLayout? FromHeader(TableRules rules, TextFolding folding, IReadOnlyList<(string Text, int Start)> cells, int paragraph)
    {
        var columns = new Dictionary<string, int>();
        Located? period = null;
        for (var i = 0; i < cells.Count; i++)
        {
            var folded = folding.Fold(cells[i].Text);
            foreach (var rule in rules.Columns)
            {
                var match = rule.Pattern.Match(folded);
                if (!match.Success || columns.ContainsKey(rule.Role))
                {
                    continue;
                }

                columns[rule.Role] = i;
                var group = match.Groups["period"];
                if (rule.Role == "progress" && group.Success && group.Length > 0)
                {
                    period = new Located(cells[i].Text.Substring(group.Index, group.Length), "table.progress", new SourceSpan(paragraph, cells[i].Start + group.Index, group.Length));
                }

                break;
            }
        }

        return columns.ContainsKey("task") && (columns.ContainsKey("number") || columns.ContainsKey("departments"))
            ? new TableLayout(columns, period)
            : null;
    }

    /// <summary>The role each column of a header gets (checked by the rule examples).</summary>
    public IReadOnlyList<string> Roles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => columns.FirstOrDefault(c => c.Value == i).Key ?? "")];

    public (string Text, int Start)? Cell(IReadOnlyList<(string Text, int Start)> cells, string role) =>
        columns.TryGetValue(role, out var i) && i < cells.Count ? cells[i] : null;
}
