using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>The rows and cells of a table, and whether it holds data or only lays out a page.</summary>
internal static class Tables
{
    /// <summary>The table's own rows in order (through thead, tbody and tfoot), not those of nested tables.</summary>
    public static IEnumerable<IElement> Rows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr")
            {
                yield return child;
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var row in child.Children.Where(r => r.LocalName == "tr"))
                {
                    yield return row;
                }
            }
        }
    }

    public static IEnumerable<IElement> Cells(IElement row) => row.Children.Where(c => c.LocalName is "td" or "th");

    /// <summary>
    /// A data table has at least two rows of two or more cells and no table inside it. Old
    /// government sites lay pages out with tables (a navigation cell beside an article cell,
    /// tables nested in cells); those are read as blocks, not as rows.
    /// </summary>
    public static bool IsDataTable(IElement table) =>
        table.QuerySelector("table") is null && Rows(table).Count(r => Cells(r).Skip(1).Any()) >= 2;
}
