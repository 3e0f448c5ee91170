using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>Tells a table's header from its rows, and each column's role from its header cell (rules: table).</summary>
public sealed class ColumnRoles(RuleSet rules)
{
    /// <summary>A header cell is short: a longer cell is data.</summary>
    private const int MaxHeaderCell = 24;

    /// <summary>The roles of a row of cells if it is a header, else null.</summary>
    public IReadOnlyList<ColumnRole>? Header(IReadOnlyList<string> cells)
    {
        var filled = cells.Where(c => c.Trim().Length > 0).ToList();
        if (filled.Count < 2 || filled.Any(c => c.Length > MaxHeaderCell))
        {
            return null;
        }

        var roles = cells.Select(RoleOf).ToList();
        var named = roles.Count(r => r != ColumnRole.None);
        if (named < 2 || named * 10 < filled.Count * 6 || !roles.Any(r => r is ColumnRole.Task or ColumnRole.Progress))
        {
            return null;
        }

        // Text left of the number names the group the rows belong to (工程名称 | 序号 | 项目内容).
        var number = roles.IndexOf(ColumnRole.Number);
        for (var i = 0; i < number; i++)
        {
            roles[i] = roles[i] == ColumnRole.Task ? ColumnRole.Group : roles[i];
        }

        // A second column of units beside the lead units holds the partners (牵头单位 | 责任单位).
        var lead = roles.IndexOf(ColumnRole.Departments);
        for (var i = lead + 1; lead >= 0 && i < roles.Count; i++)
        {
            if (roles[i] == ColumnRole.Departments && !roles.Contains(ColumnRole.Partners))
            {
                roles[i] = ColumnRole.Partners;
            }
        }

        return roles;
    }

    /// <summary>The role a header cell names (white space inside it is ignored: 牵头 单位), or none.</summary>
    public ColumnRole RoleOf(string cell)
    {
        var squeezed = string.Concat(rules.Folding.Fold(cell).Where(c => !char.IsWhiteSpace(c)));
        return squeezed.Length == 0 || rules.Table is not { } table ? ColumnRole.None : table.Columns.FirstOrDefault(c => c.Pattern.IsMatch(squeezed))?.Role ?? ColumnRole.None;
    }

    /// <summary>
    /// A header broken by a copied page put back together: a cell that only finishes the one
    /// before it (rules: table header_part) joins it. Each merged cell with the range of cells it took.
    /// </summary>
    public List<(string Text, int First, int Count)> Merge(IReadOnlyList<string> cells)
    {
        var merged = new List<(string Text, int First, int Count)>();
        for (var i = 0; i < cells.Count; i++)
        {
            var squeezed = cells[i].Trim();
            if (merged.Count > 0 && rules.Table?.HeaderPart?.IsMatch(rules.Folding.Fold(squeezed)) == true)
            {
                var (text, first, count) = merged[^1];
                merged[^1] = (text + squeezed, first, count + 1);
            }
            else
            {
                merged.Add((squeezed, i, 1));
            }
        }

        return merged;
    }

    /// <summary>A column whose every filled cell only states a status (顺利推进) is a status column, unless it is the progress column.</summary>
    internal void ByContent(DetectedTable table, CellKinds kinds)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (table.Columns[c].Role is ColumnRole.Progress or ColumnRole.Completion or ColumnRole.Number or ColumnRole.Status)
            {
                continue;
            }

            var filled = table.Rows.Select(r => r.Cells[c]).Where(f => !f.IsEmpty && !IsEmpty(f.Text)).ToList();
            if (filled.Count > 0 && filled.All(f => kinds.Of(f.Text) == CellKind.Status))
            {
                table.Recast(c, ColumnRole.Status);
            }
        }
    }

    public bool IsEmpty(string cell) => rules.Table is not { } table || table.EmptyCell.IsMatch(rules.Folding.Fold(cell.Trim()));
}
