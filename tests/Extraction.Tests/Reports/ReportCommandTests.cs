using Extraction.Tests.Cli;
using Extraction.Tests.History;

namespace Extraction.Tests.Reports;

/// <summary><c>extract report</c> on the 三门峡 series (four issues, 22 tasks), read from the HTML it writes.</summary>
public sealed class ReportCommandTests(TaskHistoryTests.SeriesDatabase db) : IClassFixture<TaskHistoryTests.SeriesDatabase>
{
    [Fact]
    public void The_task_table_shows_the_22_tasks_with_the_completions_and_statuses_of_task_history()
    {
        var html = Report(db.Path, "--series", "专项督查快报", "--year", "2020");
        var shown = ReportDom.Tasks(html);
        Assert.Equal(22, shown.Count);
        Assert.Equal(ReportDom.Expected(db.Path, "专项督查快报"), shown);

        // By hand from issue 22: task 1 103.2% done, task 6 85% behind, task 11 95.3% ahead, task 10 no completion.
        Assert.Equal(new ReportDom.TaskRow(shown[0].Identity, 1, 103.2, "done"), shown[0]);
        Assert.Equal((85.0, "behind"), (shown[5].Completion!.Value, shown[5].Status));
        Assert.Equal((95.3, "ahead"), (shown[10].Completion!.Value, shown[10].Status));
        Assert.Equal((null, null), (shown[9].Completion, shown[9].Status));
    }

    [Fact]
    public void A_series_name_many_offices_use_reports_the_series_that_runs_through_several_issues()
    {
        // Two other offices' 专项督查快报 of one issue each, beside the four of 三门峡 (as in `extract ingest corpus`).
        using var dir = new TempDirectory();
        var path = dir.File("names.db");
        string[] files = [.. new[] { "07", "11", "15", "22" }.Select(n => TestPaths.CorpusFile($"sanmenxia-2020-{n}.txt")), TestPaths.CorpusFile("variant-sanmenxia-1.txt"), TestPaths.CorpusFile("variant-sanmenxia-2.txt")];
        Assert.Equal(0, CliRunner.Run(["ingest", .. files, "--db", path, "--rules", TestPaths.Rules]).Exit);

        var (exit, _, error) = CliRunner.Run("report", "--series", "专项督查快报", "-o", dir.File("r.html"), "--db", path, "--rules", TestPaths.Rules);
        Assert.True(exit == 0, error);
        Assert.Contains("3 series match; reporting the one with the most issues, 三门峡市人民政府督查室 专项督查快报 2020 (4 issues)", error);
        Assert.Equal(ReportDom.Expected(db.Path, "专项督查快报"), ReportDom.Tasks(File.ReadAllText(dir.File("r.html"))));

        // Two of one issue each: which one is meant cannot be told, and only the matching series are listed.
        var two = dir.File("two.db");
        Assert.Equal(0, CliRunner.Run("ingest", files[4], files[5], TestPaths.CorpusFile("lanxi-county-2021-q3.txt"), "--db", two, "--rules", TestPaths.Rules).Exit);
        var tie = CliRunner.Run("report", "--series", "专项督查快报", "--db", two, "--rules", TestPaths.Rules);
        Assert.Equal(1, tie.Exit);
        Assert.Contains("2 series match; choose one", tie.Error);
        Assert.DoesNotContain("岚溪", tie.Error);
    }

    [Fact]
    public void At_a_glance_the_counts_are_those_of_each_tasks_latest_report()
    {
        var counts = ReportDom.Counts(Report(db.Path));
        Assert.Equal(4, counts["issues"]);
        Assert.Equal(22, counts["tasks"]);

        // Issue 22: done 1 2 3 4 5 7 8 9 12 13 14 21; behind 6; ahead 11; no status 10 15 16 17 18 19 20 22.
        Assert.Equal((12, 1, 1, 0, 0, 8), (counts["done"], counts["ahead"], counts["behind"], counts["on_schedule"], counts["not_reported"], counts["unknown"]));
    }

    [Fact]
    public void The_page_holds_the_sections_tallies_audit_and_sources_and_fetches_nothing()
    {
        var html = Report(db.Path);
        Assert.Contains("已完成全年目标任务16项", html);             // the bulletin's own tally, issue 22
        Assert.Contains("data-findings=\"0\"", html);                 // the series' audit is empty (TaskHistoryTests)
        Assert.Equal(22, html.Split("<section class=\"task\"").Length - 1);
        Assert.Equal(22, html.Split("<svg class=\"chart\"").Length - 1 + html.Split("各期均无可计算的完成率").Length - 1);
        Assert.Contains("sanmenxia-2020-15.txt", html);
        Assert.Contains("<tr data-unit=\"市卫生健康委\"><td>市卫生健康委</td><td class=\"num\">4</td>", html); // tasks 9, 10, 12 and 7 (with 市妇联)
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"", html);
        Assert.Empty(ReportDom.ExternalAddresses(html));
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void In_english_every_label_is_english()
    {
        var html = Report(db.Path, "--lang", "en");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("The programme at a glance", html);
        Assert.DoesNotContain("总体情况", html);
    }

    [Fact]
    public void Usage_errors_exit_2_and_a_series_that_is_not_there_exits_1()
    {
        Assert.Equal(2, CliRunner.Run("report", "--db", db.Path, "--lang", "fr").Exit);
        var none = CliRunner.Run("report", "--db", db.Path, "--series", "没有这个");
        Assert.Equal(1, none.Exit);
        Assert.Contains("三门峡市人民政府督查室 专项督查快报 2020 (4 issues)", none.Error);
        Assert.Equal(1, CliRunner.Run("report", "--db", db.Path, "--year", "2019").Exit);
        Assert.Equal(1, CliRunner.Run("report", "--db", Path.Combine(Path.GetTempPath(), "no-such.db")).Exit);
    }

    internal static string Report(string database, params string[] options)
    {
        using var dir = new TempDirectory();
        var file = dir.File("r.html");
        var (exit, output, error) = CliRunner.Run(["report", "--db", database, "--rules", TestPaths.Rules, "-o", file, .. options]);
        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        return File.ReadAllText(file);
    }
}
