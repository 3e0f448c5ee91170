using Extraction.History;
using Extraction.Rules;

namespace Extraction.Tests.History;

/// <summary>Completion, schedule and audit on small reports built in the test.</summary>
public sealed class CompletionTests
{
    private static readonly MeasureReader Completion = new(TestPaths.RuleSet.History, TestPaths.RuleSet.Folding);
    private static readonly ScheduleJudge Schedule = new(TestPaths.RuleSet.History);
    private static readonly Auditor Audit = new(TestPaths.RuleSet.History);

    [Fact]
    public void A_progress_figure_against_its_target_gives_the_completion()
    {
        StoredFigure[] targets = [new("target", "3.8万人", 38000, "人", "count", metric: "新增城镇就业")];
        StoredFigure[] progress = [new("progress", "19572人", 19572, "人", "count", metric: "新增城镇就业"), new("progress", "3.8万人", 38000, "人", "count"), new("progress", "51.51%", 51.51, "%", "percent", start: 24)];

        var primary = Completion.Measures(targets, progress, "", "").First();

        Assert.True(primary.Primary);
        Assert.Equal(51.5, primary.Completion!.Value, 1);
        Assert.Equal("19572人 of 3.8万人", primary.Detail);
    }

    [Fact]
    public void A_stated_percentage_counts_only_after_a_completion_phrase()
    {
        const string Text = "截至6月2日，享受康复救助人数为587人，完成率为97.8%，同比增长12%。";
        StoredFigure[] progress = [new("progress", "587人", 587, "人", "count", start: 19), new("progress", "12%", 12, "%", "percent", "increase", start: Text.IndexOf("12%", StringComparison.Ordinal)), new("progress", "97.8%", 97.8, "%", "percent", start: Text.IndexOf("97.8%", StringComparison.Ordinal))];
        Assert.Equal(97.8, Completion.Stated(Text, progress)!.Percent);
        Assert.Null(Completion.Stated("筛查率62.98%", [new("progress", "62.98%", 62.98, "%", "percent", start: 3)]));
    }

    [Fact]
    public void A_ceiling_target_or_a_restated_target_gives_no_completion()
    {
        const string Task = "将用水报装环节压缩至3个";
        StoredFigure[] ceiling = [new("target", "3个", 3, "个", "count", start: Task.IndexOf('3'))];
        Assert.Empty(Completion.Measures(ceiling, [new("progress", "2个", 2, "个", "count")], Task, ""));

        StoredFigure[] targets = [new("target", "46套", 46, "套", "count")];
        Assert.Null(Assert.Single(Completion.Measures(targets, [new("progress", "46套", 46, "套", "count")], "", "")).Completion);
    }

    [Theory]
    [InlineData("2020-04-30", 37.46, "", "ahead")]
    [InlineData("2020-07-31", 54.8, "", "behind")]
    [InlineData("2020-06-30", 48.0, "", "on_schedule")]
    [InlineData("2020-11-30", 103.2, "", "done")]
    [InlineData("2020-11-30", null, "全市共建成负压病房11间，超额完成6个的目标任务", "done")]
    [InlineData("2020-05-31", null, "项目正在建设", null)]
    public void Status_compares_completion_with_the_time_elapsed(string asOf, double? completion, string text, string? status)
    {
        var elapsed = ScheduleJudge.Elapsed(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), 2020);
        Assert.Equal(status, Schedule.Status(completion, elapsed, text));
    }

    [Fact]
    public void The_schedule_examples_of_the_rules_hold()
    {
        foreach (var example in TestPaths.RuleSet.History.ScheduleExamples)
        {
            Assert.Equal(example.Status, Schedule.Status(example.Completion, ScheduleJudge.Elapsed(example.AsOf, example.AsOf.Year), ""));
        }
    }

    [Fact]
    public void Audit_flags_a_stated_percentage_20_points_from_its_figures_but_not_one_close_to_them()
    {
        var report = new Report(1, 2, 5, 11, new DateOnly(2020, 6, 4), new DateOnly(2020, 5, 31));
        Measure[] measures = [new(1, true, new("target", "585个", 585, "个", "count"), FigureState.Completed, new("progress", "353个", 353, "个", "count"))];

        Assert.Empty(Audit.Report(report, measures, new Completion(60, "stated", "60%"), null, null, []));
        var finding = Assert.Single(Audit.Report(report, measures, new Completion(80, "stated", "80%"), null, null, []));
        Assert.Equal("stated_vs_figures", finding.Kind);
        Assert.Equal("80%; 353个 of 585个", finding.Figures);
    }

    [Fact]
    public void Audit_accepts_a_stated_percentage_that_speaks_of_a_second_target()
    {
        // 新建居家养老服务中心4个，开展居家适老化改造200户 — 截至9月底，4个中心已建成2个，
        // 完成适老化改造168户，完成率84%: the 84% is the second target's (168 of 200).
        StoredFigure[] targets = [new("target", "4个", 4, "个", "count", metric: "居家养老服务中心"), new("target", "200户", 200, "户", "count", metric: "居家适老化改造")];
        StoredFigure[] progress = [new("progress", "2个", 2, "个", "count", metric: "居家养老服务中心"), new("progress", "168户", 168, "户", "count", metric: "适老化改造")];
        var report = new Report(1, 2, 8, 13, new DateOnly(2023, 10, 9), new DateOnly(2023, 9, 30));

        var measures = Completion.Measures(targets, progress, "", "");

        Assert.Equal([50.0, 84.0], measures.Select(c => c.Completion!.Value));
        Assert.Equal([true, false], measures.Select(c => c.Primary));
        Assert.Empty(Audit.Report(report, measures, new Completion(84, "stated", "84%"), null, null, []));
        Assert.Single(Audit.Report(report, measures, new Completion(30, "stated", "30%"), null, null, []));
    }

    [Theory]
    [InlineData("完成适老化改造", "特殊困难老年人开展居家适老化改造", true)]
    [InlineData("居家养老服务中心", "新建居家养老服务中心", true)]
    [InlineData("失业人员再就业", "新增城镇就业", false)]
    [InlineData("配套管网完成铺设", "配套建设污水管网", false)]
    public void Metrics_are_similar_when_the_shorter_is_mostly_inside_the_longer(string progress, string target, bool similar)
    {
        StoredFigure[] targets = [new("target", "100户", 100, "户", "count", metric: target)];
        StoredFigure[] reported = [new("progress", "50户", 50, "户", "count", metric: progress)];
        // The only figure of its unit for the only target of it measures it whatever the metrics.
        Assert.NotNull(Assert.Single(Completion.Measures(targets, reported, "", "")).Completion);
        StoredFigure[] twoTargets = [.. targets, new("target", "80户", 80, "户", "count", metric: "农村危房改造")];
        Assert.Equal(similar, Completion.Measures(twoTargets, reported, "", "")[0].Completion is not null);
    }

    [Fact]
    public void Audit_flags_a_completion_that_falls_and_a_date_after_the_bulletin()
    {
        var early = new Report(1, 10, 3, 7, new DateOnly(2020, 4, 30), new DateOnly(2020, 4, 30));
        var late = new Report(2, 20, 3, 11, new DateOnly(2020, 6, 4), new DateOnly(2020, 6, 30));

        Assert.Equal("cumulative_decrease", Assert.Single(Audit.History([(early, 40.0), (late, 35.0)])).Kind);
        Assert.Equal("date_after_bulletin", Assert.Single(Audit.Report(late, [], null, null, null, [])).Kind);
    }

    [Theory]
    [InlineData("市人社局", "市人力资源社会保障局")]
    [InlineData("县卫健委", "县卫生健康委")]
    [InlineData("市妇联", "市妇联")]
    public void Departments_have_canonical_names(string written, string canonical) =>
        Assert.Equal(canonical, TestPaths.RuleSet.Departments.Canonical(written));

    [Theory]
    [InlineData("區住建局")]
    [InlineData("区住建局")]
    [InlineData("區住房和城鄉建設局")]
    public void Traditional_and_simplified_names_of_a_unit_are_one_canonical_unit(string written)
    {
        var builder = new HistoryBuilder(TestPaths.RuleSet);
        Assert.Equal("区住房城乡建设局", builder.CanonicalName(written));
    }

    [Fact]
    public void The_department_examples_of_the_rules_hold()
    {
        foreach (var (name, canonical) in TestPaths.RuleSet.Departments.Examples)
        {
            Assert.Equal(canonical, TestPaths.RuleSet.Departments.Canonical(name));
        }
    }

    [Fact]
    public void A_renumbered_and_reworded_task_keeps_its_identity()
    {
        var linker = new TaskLinker(TestPaths.RuleSet.History);
        IReadOnlyList<TaskText> first = [new(1, 1, "新建城市公共厕所20座"), new(2, 2, "改造老旧小区12个，涉及居民1580户")];
        IReadOnlyList<TaskText> second = [new(3, 1, "改造城镇老旧小区12个，涉及居民1580户"), new(4, 2, "新建城市公共厕所20座"), new(5, 3, "新增城市公共停车泊位800个")];

        var links = linker.Link([first, second]).ToDictionary(l => l.TaskId);

        Assert.Equal(links[2].Identity, links[3].Identity);
        Assert.Equal("text", links[3].Method);
        Assert.Equal(links[1].Identity, links[4].Identity);
        Assert.NotEqual(links[1].Identity, links[5].Identity);
        Assert.True(links[3].Confidence is > 0.6 and < 1);
    }
}
