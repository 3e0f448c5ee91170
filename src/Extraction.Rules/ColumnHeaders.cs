using Extraction.Rules.Yaml;

namespace Extraction.Rules;

/// <summary>
/// The headers a spreadsheet gives the columns of the views (columns.yaml): 通报日期 for
/// bulletin_date, and how a rate is rounded. A header written for one view wins there over the
/// header of the same column name elsewhere.
/// </summary>
public sealed record ColumnHeaders(IReadOnlyList<ColumnHeader> Columns, string SourceFile)
{
    /// <summary>The header of a view's column; null when the file has none.</summary>
    public ColumnHeader? Find(string view, string column) =>
        Columns.FirstOrDefault(c => c.Column == column && c.View == view) ?? Columns.FirstOrDefault(c => c.Column == column && c.View is null);
}

/// <param name="Decimals">For a rate: shown rounded to this many decimals, as a number.</param>
public sealed record ColumnHeader(string Column, string? View, string Zh, int? Decimals);

internal static class ColumnHeadersLoader
{
    private const int MaxDecimals = 6;

    public static ColumnHeaders Load(string path, ColumnsFile file)
    {
        var headers = new List<ColumnHeader>();
        foreach (var model in file.Columns)
        {
            var column = RuleSetLoader.Required(path, "column", model.Column);
            var header = new ColumnHeader(column, model.View, RuleSetLoader.Required(path, $"column {column}: zh", model.Zh), model.Decimals);
            if (header.Decimals is < 0 or > MaxDecimals)
            {
                throw new RuleLoadException($"{path}: column {column}: decimals must be 0 to {MaxDecimals}");
            }

            if (headers.Any(h => h.Column == column && h.View == header.View))
            {
                throw new RuleLoadException($"{path}: column {column}{(header.View is null ? "" : $" of view {header.View}")} has two headers");
            }

            headers.Add(header);
        }

        return headers.Count > 0 ? new ColumnHeaders(headers, path) : throw new RuleLoadException($"{path}: columns is empty");
    }
}
