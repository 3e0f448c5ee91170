using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Finds the tables of a document however its text carries them: rows of cells joined by |
/// (web pages, Word and PDF tables, text dumps), columns aligned with spaces (cells wrapping onto
/// the next line), or one cell per line with blank lines between cells. Each begins with a
/// header whose cells name the columns' roles (<see cref="ColumnRoles"/>).
/// </summary>
public sealed class TableFinder(RuleSet rules)
{
    private readonly ColumnRoles roles = new(rules);
    private readonly CellKinds kinds = new(rules);

    public IReadOnlyList<DetectedTable> Find(RawDocument document)
    {
        var paragraphs = document.Paragraphs;
        var tables = new List<DetectedTable>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var table = PipeTables.Read(paragraphs, i, roles, kinds)
                ?? AlignedTables.Read(paragraphs, i, roles)
                ?? CellTables.Read(paragraphs, i, roles, kinds);
            if (table is { Rows.Count: > 0 })
            {
                roles.ByContent(table, kinds);
                tables.Add(table);
                i = table.LastParagraph;
            }
        }

        return tables;
    }

    internal static List<TableColumn> Columns(IReadOnlyList<ColumnRole> roles, IReadOnlyList<(string Text, int Start)> cells, int paragraph, IReadOnlyList<int>? displayStarts = null) =>
        [.. roles.Select((role, i) => new TableColumn(role, new Located(cells[i].Text, "table.header", new SourceSpan(paragraph, cells[i].Start, cells[i].Text.Length)), displayStarts?[i] ?? 0))];
}
