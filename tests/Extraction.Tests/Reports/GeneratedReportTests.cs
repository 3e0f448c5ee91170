namespace Extraction.Tests.Reports;

/// <summary><c>extract report</c> on an invented series of 12 issues and 30 tasks, whose answers are known by construction.</summary>
public sealed class GeneratedReportTests(GeneratedSeries series) : IClassFixture<GeneratedSeries>
{
    [Fact]
    public void Thirty_tasks_over_twelve_issues_make_a_page_under_2_MB_with_the_statuses_of_task_history()
    {
        var file = series.File("generated.html");
        var (exit, _, error) = Cli.CliRunner.Run("report", "--db", series.Path, "--rules", TestPaths.Rules, "-o", file);
        Assert.True(exit == 0, error);
        Assert.InRange(new FileInfo(file).Length, 100_000, 2_000_000);

        var html = File.ReadAllText(file);
        var shown = ReportDom.Tasks(html);
        Assert.Equal(ReportDom.Expected(series.Path, GeneratedSeries.Series), shown);
        Assert.Equal(Enumerable.Range(1, GeneratedSeries.Tasks).Select(n => (long)n), shown.Select(t => t.Number));

        // Last issue: n mod 4 of 0 or 1 reach the target (done), 2 and 3 make 80% and 60% (behind).
        Assert.All(shown, t => Assert.Equal(t.Number % 4 <= 1 ? "done" : "behind", t.Status));
        Assert.Equal(80.8, shown[1].Completion);   // task 2: round(26 × 0.8) = 21 of 26
        var counts = ReportDom.Counts(html);
        Assert.Equal((12, 30, 15, 15), (counts["issues"], counts["tasks"], counts["done"], counts["behind"]));
        Assert.Equal(30, html.Split("<svg class=\"chart\"").Length - 1);
    }

    [Fact]
    public void The_audit_lists_the_fall_and_the_missing_report_and_the_page_escapes_the_tasks_text()
    {
        var html = ReportCommandTests.Report(series.Path);
        Assert.Contains("data-findings=\"2\"", html);
        Assert.Contains("<tr data-kind=\"cumulative_decrease\"><td>累计完成率下降</td><td>第6期</td>", html);
        Assert.Contains("<tr data-kind=\"not_reported\"><td>未报送</td><td>第5期</td>", html);
        Assert.Contains("A&amp;B型&lt;示范&gt;站点", html);
        Assert.DoesNotContain("<示范>", html);

        // The bulletins' own tallies, printed every third issue: 已完成3项 … 已完成12项, 滞后5项 each time.
        Assert.Equal(8, html.Split("<tr data-status=").Length - 1);
        Assert.Contains("<tr data-status=\"done\" data-count=\"12\">", html);
    }
}
