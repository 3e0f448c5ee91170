using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// A table found in the text: the paragraphs it spans, the role of each column (told by its
/// header) and its rows, each cell a text field that remembers where its pieces came from.
/// </summary>
public sealed class DetectedTable(string form, int first, IReadOnlyList<TableColumn> columns)
{
    private readonly List<TableColumn> columns = [.. columns];

    /// <summary>How the text carries the table: pipes, aligned (columns of spaces) or cells (one cell per line).</summary>
    public string Form { get; } = form;

    public int FirstParagraph { get; } = first;

    public int LastParagraph { get; set; } = first;

    public IReadOnlyList<TableColumn> Columns => columns;

    public List<TableRow> Rows { get; } = [];

    public int IndexOf(ColumnRole role) => columns.FindIndex(c => c.Role == role);

    /// <summary>Gives a column the role its cells show it has.</summary>
    internal void Recast(int column, ColumnRole role) => columns[column] = columns[column] with { Role = role };
}

/// <summary>A column: its role, its header as printed and where that stands.</summary>
public sealed record TableColumn(ColumnRole Role, Located Header, int DisplayStart = 0);

/// <summary>One row: a field per column (empty when the row has no such cell).</summary>
public sealed class TableRow(int paragraph, int columns)
{
    public int Paragraph { get; } = paragraph;

    public TextField[] Cells { get; } = [.. Enumerable.Range(0, columns).Select(_ => new TextField("table.cell"))];

    public bool IsEmpty => Cells.All(c => c.IsEmpty);

    /// <summary>The number of a row whose printed number was lost (the sequence skips it), or null.</summary>
    public int? LostNumber { get; init; }
}
