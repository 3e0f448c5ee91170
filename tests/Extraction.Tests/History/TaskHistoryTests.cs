using Dapper;
using Extraction.Storage;
using Extraction.Tests.Cli;

namespace Extraction.Tests.History;

/// <summary>The four issues of the 三门峡 series, ingested: one task history per task.</summary>
public sealed class TaskHistoryTests : IClassFixture<TaskHistoryTests.SeriesDatabase>
{
    private readonly SeriesDatabase db;

    public TaskHistoryTests(SeriesDatabase db) => this.db = db;

    [Fact]
    public void The_series_has_22_task_identities_with_87_reports_and_one_task_without_a_report()
    {
        using var c = Database.OpenReadOnly(db.Path);
        Assert.Equal(22, c.ExecuteScalar<long>("SELECT count(DISTINCT identity_id) FROM task_history"));
        Assert.Equal(87, c.ExecuteScalar<long>("SELECT count(*) FROM task_history WHERE progress_text IS NOT NULL"));

        // Task 10 of issue 15 has no 进展情况: it stays in the history, not reported.
        Assert.Equal(88, c.ExecuteScalar<long>("SELECT count(*) FROM task_history"));
        Assert.Equal("15/10", c.ExecuteScalar<string>("SELECT issue || '/' || number FROM task_history WHERE status = 'not_reported'"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(*) FROM series"));
        var perTask = c.Query<long>("SELECT count(*) FROM task_history WHERE progress_text IS NOT NULL GROUP BY identity_id").ToList();
        Assert.Equal(21, perTask.Count(n => n == 4));
        Assert.Equal(1, perTask.Count(n => n == 3));
    }

    [Fact]
    public void An_abbreviated_department_is_the_same_department_as_its_full_name()
    {
        using var c = Database.OpenReadOnly(db.Path);
        Assert.Equal("市人力资源社会保障局", c.ExecuteScalar<string>("SELECT canonical_name FROM departments WHERE name = '市人社局'"));
        var departments = c.Query<string>("SELECT DISTINCT departments FROM task_history WHERE identity_number = 1").ToList();
        Assert.Equal(["市人力资源社会保障局"], departments);
    }

    [Fact]
    public void Task_1_completion_rises_through_the_year()
    {
        using var c = Database.OpenReadOnly(db.Path);
        var completion = c.Query<double>("SELECT completion FROM task_history WHERE identity_number = 1 ORDER BY bulletin_date").ToList();
        Assert.Equal(4, completion.Count);
        Assert.True(completion.Zip(completion.Skip(1)).All(p => p.Second > p.First), string.Join(", ", completion));
        Assert.Equal(51.5, completion[1], 1);
    }

    [Fact]
    public void Tasks_marked_done_in_the_last_issue_are_done_and_a_lagging_one_is_behind()
    {
        using var c = Database.OpenReadOnly(db.Path);
        var last = c.Query<(long Number, string? Status)>("SELECT number, status FROM task_history WHERE issue = 22 ORDER BY number").ToDictionary(r => r.Number, r => r.Status);
        foreach (var done in new long[] { 1, 2, 3, 5, 7, 8, 9, 12, 13, 14, 21 })
        {
            Assert.True(last[done] == "done", $"task {done}: {last[done]}");
        }

        Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM task_history WHERE status = 'behind'") > 0);
    }

    [Fact]
    public void Estates_started_do_not_measure_task_3s_target_of_households_renovated()
    {
        // 已开工老旧小区184个，涉及居民1.8万户: households of estates started, not of 完成改造
        // 11710户; only issue 22's 已完成改造12136户 measures the target.
        using var c = Database.OpenReadOnly(db.Path);
        var completion = c.Query<double?>("SELECT completion FROM task_history WHERE identity_number = 3 ORDER BY bulletin_date").ToList();
        Assert.Equal([null, null, null], completion.Take(3));
        Assert.Equal(103.6, completion[3]!.Value, 1);
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM audit"));
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT count(*) FROM measures m JOIN tasks t ON t.id = m.task_id WHERE t.number = 8 AND m.is_primary = 1 AND m.completion IS NOT NULL"));
    }

    [Fact]
    public void Search_finds_the_negative_pressure_wards_in_every_issue()
    {
        var (exit, output, error) = CliRunner.Run("search", "负压病房", "--db", db.Path, "--format", "csv");
        Assert.True(exit == 0, error);
        var issues = output.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Where(f => f[5] == "12").Select(f => f[2]).Distinct().ToList();
        Assert.Equal(["7", "11", "15", "22"], issues);
    }

    [Fact]
    public void History_prints_a_timeline_and_draws_a_chart()
    {
        using var dir = new TempDirectory();
        foreach (var chart in new[] { dir.File("t8.svg"), dir.File("t8.png") })
        {
            var (exit, output, error) = CliRunner.Run("history", "--number", "8", "--chart", chart, "--db", db.Path, "--format", "csv");
            Assert.True(exit == 0, error);
            Assert.Equal(5, output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.True(new FileInfo(chart).Length > 1000);
        }

        Assert.Contains("<svg", File.ReadAllText(dir.File("t8.svg")));

        // Task 10 reports no completion in any issue: there is nothing to draw.
        var none = CliRunner.Run("history", "--number", "10", "--series", "专项督查快报", "--chart", dir.File("t10.png"), "--db", db.Path);
        Assert.Equal(1, none.Exit);
        Assert.Contains("no chart", none.Error);
        Assert.False(File.Exists(dir.File("t10.png")));
        Assert.Equal(2, CliRunner.Run("history", "--chart", dir.File("t.gif"), "--db", db.Path).Exit);
    }

    [Fact]
    public void History_follows_several_numbers_at_once()
    {
        var (exit, output, error) = CliRunner.Run("history", "--number", "1", "8", "--db", db.Path, "--format", "csv");
        Assert.True(exit == 0, error);
        var tasks = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(["1", "1", "1", "1", "8", "8", "8", "8"], tasks);
    }

    [Fact]
    public void The_xlsx_export_has_one_sheet_per_view_with_the_rows_of_the_view()
    {
        using var dir = new TempDirectory();
        var xlsx = dir.File("h.xlsx");
        var (exit, _, error) = CliRunner.Run("export", "--format", "xlsx", "--out", xlsx, "--db", db.Path);
        Assert.True(exit == 0, error);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["task_history", "department_report", "audit", "task_overview", "figure_overview"], sheets.Select(s => s.Name!.Value));
        var first = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var rows = first.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(1 + 88, rows.Count);
        Assert.NotNull(first.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single(p => p.State?.Value == DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen));
        var completion = rows[1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(13);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, completion.DataType!.Value);
    }

    [Fact]
    public void Csv_export_is_the_task_history_view()
    {
        var (exit, output, _) = CliRunner.Run("export", "--format", "csv", "--db", db.Path);
        Assert.Equal(0, exit);
        Assert.StartsWith("identity_id,series_id,series,issuer,year,identity_number,task,issue,bulletin_date", output);
        Assert.Equal(1 + 88, output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>The four issues ingested once for all the tests of this class.</summary>
    public sealed class SeriesDatabase : IDisposable
    {
        private readonly TempDirectory dir = new();

        public SeriesDatabase()
        {
            Path = dir.File("series.db");
            var files = new[] { "07", "11", "15", "22" }.Select(n => TestPaths.CorpusFile($"sanmenxia-2020-{n}.txt"));
            var (exit, _, error) = CliRunner.Run(["ingest", .. files, "--db", Path, "--rules", TestPaths.Rules]);
            Assert.True(exit == 0, error);
        }

        public string Path { get; }

        public void Dispose() => dir.Dispose();
    }
}
