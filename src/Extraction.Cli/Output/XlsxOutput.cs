using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>
/// A workbook of query results, one sheet each, for Excel and WPS: the header row frozen,
/// numbers stored as numbers, text as text.
/// </summary>
internal static class XlsxOutput
{
    public static void Write(string path, IReadOnlyList<(string Sheet, QueryResult Rows)> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var list = workbook.Workbook.AppendChild(new Sheets());
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, result) = sheets[i];
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, result.Columns.Cast<object?>()));
            for (var r = 0; r < result.Rows.Count; r++)
            {
                data.Append(Row((uint)r + 2, result.Rows[r]));
            }

            part.Worksheet = new Worksheet(FrozenHeader(i == 0), data);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = name });
        }

        workbook.Workbook.Save();
    }

    private static SheetViews FrozenHeader(bool selected) => new(
        new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = selected,
            WorkbookViewId = 0U,
        });

    private static Row Row(uint index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                long or int or double or float or decimal => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                },
                _ => new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(CellText.Format(value))),
                },
            });
        }

        return row;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
