using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Extraction.Cli;
using Extraction.Tests.History;

namespace Extraction.Tests.Cli;

/// <summary>The workbook of the four 三门峡 issues, read back as Excel would read it.</summary>
public sealed class XlsxExportTests : IClassFixture<TaskHistoryTests.SeriesDatabase>, IDisposable
{
    /// <summary>Excel's width of a column nobody sized, in characters.</summary>
    private const double DefaultWidth = 8.43;

    private readonly TempDirectory dir = new();
    private readonly string db;

    public XlsxExportTests(TaskHistoryTests.SeriesDatabase series) => db = series.Path;

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Headers_are_chinese_by_default_and_the_column_names_with_headers_en()
    {
        using var zh = Export();
        Assert.Equal(
            ["任务跟踪编号", "系列编号", "通报名称", "发文单位", "年度", "任务序号(最新一期)", "任务", "期号", "通报日期", "序号", "截至日期", "责任单位", "进展情况", "完成率(%)", "完成率来源", "序时进度(%)"],
            Header(zh, 0).Take(16));
        Assert.Equal(["问题类型", "通报名称", "期号", "通报日期", "序号", "相关数字", "说明", "任务编号", "通报编号"], Header(zh, 2));
        Assert.Equal("数字类型", Header(zh, 4)[14]);

        using var en = Export("--headers", "en");
        Assert.Equal(["identity_id", "series_id", "series", "issuer", "year", "identity_number", "task", "issue", "bulletin_date"], Header(en, 0).Take(9));
    }

    [Fact]
    public void The_header_row_is_filtered_and_frozen_on_every_sheet()
    {
        using var document = Export();
        var sheets = Sheets(document);
        Assert.Equal("A1:X89", sheets[0].Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal("A1:I1", sheets[2].Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.All(sheets, s => Assert.Equal(PaneStateValues.Frozen, s.Worksheet.Descendants<Pane>().Single().State!.Value));
        var names = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        Assert.Equal("'task_history'!$A$1:$X$89", names.Single(n => n.LocalSheetId!.Value == 0).Text);
    }

    [Fact]
    public void Columns_are_as_wide_as_their_text_with_chinese_characters_counted_double()
    {
        using var document = Export();
        var widths = Sheets(document)[0].Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).ToList();

        // progress_text runs to hundreds of characters: cut at 60. bulletin_date: 2020-04-30 and 3 of
        // room for the filter button. task: a label of up to 24 Chinese characters, 48 wide, and 3.
        Assert.Equal(60, widths[12]);
        Assert.Equal(13, widths[8]);
        Assert.True(widths[6] > 40, $"task column {widths[6]}");
        Assert.True(widths[4] < widths[8] && widths[4] > DefaultWidth - 3, $"year column {widths[4]}");
    }

    [Fact]
    public void Dates_are_date_cells_and_rates_are_rounded_numbers()
    {
        using var document = Export();
        var sheet = Sheets(document)[0];
        var row = sheet.Worksheet.Descendants<Row>().Single(r => Text(r, 7) == "7" && Text(r, 9) == "1");
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        // Issue 7 of 2020-04-30, day 43951 of Excel's calendar (2020-01-01 is 43831, and 120 days on).
        var date = Cells(row)[8];
        Assert.Null(date.DataType);
        Assert.Equal("43951", date.CellValue!.Text);
        Assert.Equal("yyyy-mm-dd", FormatCode(formats, date));

        // 14236人 of 3.8万人 is 37.4631…%; 30 April is day 121 of 366, 33.0601…% of the year.
        Assert.Equal("37.5", Cells(row)[13].CellValue!.Text);
        Assert.Equal("0.0", FormatCode(formats, Cells(row)[13]));
        Assert.Equal("33.1", Cells(row)[15].CellValue!.Text);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml()
    {
        using var document = Export();
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
    }

    [Fact]
    public void Headers_apply_to_csv_and_not_to_json()
    {
        var csv = CliRunner.Run("export", "--format", "csv", "--headers", "zh", "--db", db, "--rules", TestPaths.Rules);
        Assert.StartsWith("任务跟踪编号,系列编号,通报名称,发文单位,年度,", csv.Out, StringComparison.Ordinal);

        var (exit, _, error) = CliRunner.Run("export", "--format", "json", "--headers", "zh", "--db", db);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--headers is for csv and xlsx", error);
    }

    private SpreadsheetDocument Export(params string[] options)
    {
        var file = dir.File($"{Guid.NewGuid():N}.xlsx");
        var (exit, _, error) = CliRunner.Run(["export", "--out", file, "--db", db, "--rules", TestPaths.Rules, .. options]);
        Assert.True(exit == ExitCodes.Ok, error);
        return SpreadsheetDocument.Open(file, false);
    }

    private static List<WorksheetPart> Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return [.. workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => (WorksheetPart)workbook.GetPartById(s.Id!))];
    }

    private static List<string> Header(SpreadsheetDocument document, int sheet) =>
        [.. Cells(Sheets(document)[sheet].Worksheet.Descendants<Row>().First()).Select(c => c.InnerText)];

    private static List<Cell> Cells(Row row) => [.. row.Elements<Cell>()];

    private static string Text(Row row, int column) => Cells(row)[column].InnerText;

    private static string FormatCode(Stylesheet styles, Cell cell)
    {
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).NumberFormatId!.Value;
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value!;
    }
}
