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

    public bool IsEmpty(string cell) => rules.Table is not { } table || table.EmptyCell.IsMatch(rules.Folding.Fold(cell.Trim()));
}
