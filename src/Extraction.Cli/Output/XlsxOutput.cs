using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Extraction.Rules;
using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>
/// A workbook of views, one sheet each, for Excel and WPS: headers in Chinese or as SQL names
/// them, the header row frozen and filtered, columns as wide as their content, ISO dates as
/// dates, rates rounded as columns.yaml says, numbers as numbers and text as text.
/// </summary>
internal static class XlsxOutput
{
    /// <summary>Widths in characters of the default font: a CJK character takes two.</summary>
    private const double MinWidth = 6;

    /// <summary>A progress paragraph would make a column screens wide; past this it is cut at the next cell that holds something.</summary>
    private const double MaxWidth = 60;

    /// <summary>Room for the filter button beside a header and a margin beside a cell.</summary>
    private const double Padding = 3;

    public static void Write(string path, IReadOnlyList<(string Sheet, QueryResult Rows)> sheets, ColumnHeaders headers, bool chinese)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
        var list = workbook.Workbook.AppendChild(new Sheets());
        var filters = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, result) = sheets[i];
            var found = result.Columns.Select(c => headers.Find(name, c)).ToList();
            var titles = result.Columns.Select((c, k) => chinese && found[k] is { } header ? header.Zh : c).ToList();
            var decimals = found.Select(h => h?.Decimals).ToArray();
            var widths = titles.Select(t => (double)CellText.DisplayWidth(t)).ToArray();
            var data = new SheetData(Row(1, titles.Cast<object?>(), [], widths, XlsxStyles.Header));
            for (var r = 0; r < result.Rows.Count; r++)
            {
                data.Append(Row((uint)r + 2, result.Rows[r], decimals, widths, null));
            }

            var range = $"$A$1:${ColumnName(titles.Count - 1)}${result.Rows.Count + 1}";
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(FrozenHeader(i == 0), Columns(widths), data, new AutoFilter { Reference = range.Replace("$", "", StringComparison.Ordinal) });
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)i + 1, Name = name });

            // Excel keeps a filter's range under this hidden name; without it a filter may not sort the whole range.
            filters.Append(new DefinedName { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true, Text = $"'{name}'!{range}" });
        }

        workbook.Workbook.Append(filters);
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

    private static Columns Columns(double[] widths) => new(widths.Select((w, i) => new Column
    {
        Min = (uint)i + 1,
        Max = (uint)i + 1,
        Width = Math.Clamp(w + Padding, MinWidth, MaxWidth),
        CustomWidth = true,
    }));

    /// <summary>One row; <paramref name="widths"/> grows to the widest text each column shows.</summary>
    private static Row Row(uint index, IEnumerable<object?> values, int?[] decimals, double[] widths, uint? style)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            var (cell, shown) = Cell(value, column < decimals.Length ? decimals[column] : null);
            cell.CellReference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            widths[column] = Math.Max(widths[column], CellText.DisplayWidth(shown));
            row.Append(cell);
            column++;
        }

        return row;
    }

    private static (Cell Cell, string Shown) Cell(object? value, int? decimals)
    {
        switch (value)
        {
            case null:
                return (new Cell(), "");
            case long or int or double or float or decimal:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (decimals is not { } d)
                {
                    return (new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) }, CellText.Format(value));
                }

                var rounded = Math.Round(number, Math.Clamp(d, 0, XlsxStyles.MaxDecimals), MidpointRounding.AwayFromZero);
                return (new Cell { DataType = CellValues.Number, CellValue = new CellValue(rounded), StyleIndex = XlsxStyles.Decimals(d) }, rounded.ToString("F" + d, CultureInfo.InvariantCulture));
            case string iso when iso.Length == 10 && DateTime.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                // A date cell is a day number: Excel and WPS then sort, filter and compute with it as a date.
                return (new Cell { CellValue = new CellValue(date.ToOADate()), StyleIndex = XlsxStyles.Date }, iso);
            default:
                var text = CellText.Format(value);
                var inline = new Text(text) { Space = text.Trim().Length < text.Length ? SpaceProcessingModeValues.Preserve : null };
                return (new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(inline) }, text);
        }
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
