using Extraction.History;
using Extraction.Rules;

namespace Extraction.Tests.History;

/// <summary>
/// How a task stands in a bulletin, on the cases a supervisor must be able to trust: the
/// primary measure in the same state, a wrong printed rate, per-head amounts, implausible
/// completions, the bulletin's own verdicts and tasks without a report.
/// </summary>
public sealed class AssessmentTests
{
    private static readonly Assessor Assessor = new(TestPaths.RuleSet.History, TestPaths.RuleSet.Folding);
    private static readonly BulletinFacts Bulletin = new(1, "某县民生办", "民生实事进展情况", 2023, new DateOnly(2023, 8, 5), 7);

    [Fact]
    public void A_printed_rate_that_contradicts_the_figures_is_a_finding_and_the_figures_decide()
    {
        const string Task = "全年新增城镇就业16000人";
        const string Progress = "截至7月底，全县新增城镇就业7380人，完成率64.1%。";

        var (assessment, findings) = Assess(Task, Progress, new DateOnly(2023, 7, 31), [Count(Task, "16000人", 16000, "人")], [Count(Progress, "7380人", 7380, "人"), Percent(Progress, "64.1%", 64.1)]);

        Assert.Equal(46.1, assessment.Completion!.Value, 1);
        Assert.Equal("figures", assessment.Basis);
        Assert.Equal("behind", assessment.Status);
        var finding = Assert.Single(findings);
        Assert.Equal("stated_vs_figures", finding.Kind);
        Assert.Contains("7380人 of 16000人", finding.Message);
    }

    [Fact]
    public void Estates_started_do_not_measure_a_target_to_complete()
    {
        const string Task = "改造老旧小区14个";
        const string Progress = "截至6月底，已开工12个，完成改造4个。";

        var (assessment, _) = Assess(Task, Progress, new DateOnly(2023, 6, 30), [Count(Task, "14个", 14, "个")], [Count(Progress, "12个", 12, "个"), Count(Progress, "4个", 4, "个")]);

        Assert.Equal(28.6, assessment.Completion!.Value, 1);
        Assert.Equal("4个 of 14个", assessment.Detail);
        Assert.Equal(FigureState.Completed, assessment.Measures[0].State);
    }

    [Fact]
    public void A_target_to_start_is_measured_by_what_was_started()
    {
        const string Task = "新开工棚户区改造安置房1000套";
        const string Progress = "截至9月底，已开工860套，其中建成交付210套。";

        var (assessment, _) = Assess(Task, Progress, new DateOnly(2023, 9, 30), [Count(Task, "1000套", 1000, "套")], [Count(Progress, "860套", 860, "套"), Count(Progress, "210套", 210, "套")]);

        Assert.Equal(86, assessment.Completion!.Value, 1);
        Assert.Equal(FigureState.Started, assessment.Measures[0].State);
    }

    [Fact]
    public void The_first_quantified_target_is_the_primary_measure_and_the_others_are_shown_beside_it()
    {
        const string Task = "新建城乡供水管网12公里，惠及群众2.3万人";
        const string Progress = "截至6月底，已铺设管网3公里，受益群众2.25万人。";

        var (assessment, _) = Assess(Task, Progress, new DateOnly(2023, 6, 30), [Count(Task, "12公里", 12, "公里"), Count(Task, "2.3万人", 23000, "人")], [Count(Progress, "3公里", 3, "公里"), Count(Progress, "2.25万人", 22500, "人")]);

        Assert.Equal(25, assessment.Completion!.Value, 1);
        Assert.Equal("behind", assessment.Status);
        Assert.Equal([25.0, 97.8], assessment.Measures.Select(m => Math.Round(m.Completion!.Value, 1)));
        Assert.Equal([true, false], assessment.Measures.Select(m => m.Primary));
    }

    [Fact]
    public void Without_a_figure_for_the_primary_target_the_secondary_gives_no_completion()
    {
        const string Task = "新建城乡供水管网12公里，惠及群众2.3万人";
        const string Progress = "截至6月底，管网工程正在施工，受益群众2.25万人。";

        var (assessment, _) = Assess(Task, Progress, new DateOnly(2023, 6, 30), [Count(Task, "12公里", 12, "公里"), Count(Task, "2.3万人", 23000, "人")], [Count(Progress, "2.25万人", 22500, "人")]);

        Assert.Null(assessment.Completion);
        Assert.Null(assessment.Status);
        Assert.Equal(97.8, assessment.Measures[1].Completion!.Value, 1);
    }

    [Fact]
    public void A_figure_equal_to_its_target_measures_it_when_its_words_say_it_is_done()
    {
        const string Task = "新建改造农村公路85公里，改造危桥5座";
        const string Progress = "完成新建改造农村公路85公里，完成率100%；危桥已完工3座。";

        var (assessment, findings) = Assess(Task, Progress, new DateOnly(2023, 7, 31), [Count(Task, "85公里", 85, "公里"), Count(Task, "5座", 5, "座")], [Count(Progress, "85公里", 85, "公里"), Percent(Progress, "100%", 100), Count(Progress, "3座", 3, "座")]);

        Assert.Equal(100, assessment.Completion!.Value, 1);
        Assert.Equal("done", assessment.Status);
        Assert.Empty(findings);

        // Without a word of completion an equal figure restates the target: 全市46套周转宿舍项目正在建设.
        Assert.Null(Assert.Single(new MeasureReader(TestPaths.RuleSet.History, TestPaths.RuleSet.Folding).Measures([Count("建设周转宿舍46套", "46套", 46, "套")], [Count("全市46套周转宿舍项目正在建设", "46套", 46, "套")], "建设周转宿舍46套", "全市46套周转宿舍项目正在建设")).Completion);
    }

    [Fact]
    public void A_per_head_amount_is_no_target_for_a_total_and_says_so()
    {
        const string Task = "为全县困难群众每人发放300元生活补贴";
        const string Progress = "截至7月底，已发放生活补贴378万元。";

        var (assessment, findings) = Assess(Task, Progress, new DateOnly(2023, 7, 31), [Count(Task, "300元", 300, "元")], [Count(Progress, "378万元", 3_780_000, "元")]);

        Assert.Null(assessment.Completion);
        Assert.Empty(assessment.Measures);
        Assert.Equal("per_unit_target", Assert.Single(findings).Kind);
    }

    [Fact]
    public void A_completion_above_the_plausible_bound_is_a_finding_not_a_completion()
    {
        const string Task = "新建社区食堂5个";
        const string Progress = "截至7月底，全县建成社区食堂50个。";

        var (assessment, findings) = Assess(Task, Progress, new DateOnly(2023, 7, 31), [Count(Task, "5个", 5, "个")], [Count(Progress, "50个", 50, "个")]);

        Assert.Null(assessment.Completion);
        Assert.NotEqual("done", assessment.Status);
        Assert.Equal("implausible_completion", Assert.Single(findings).Kind);
    }

    [Fact]
    public void A_printed_verdict_is_kept_beside_the_computed_status_and_a_contradiction_is_a_finding()
    {
        const string Task = "新建村级养老服务站20个";
        const string Progress = "已建成18个。";

        var (assessment, findings) = Assess(Task, Progress, new DateOnly(2023, 6, 30), [Count(Task, "20个", 20, "个")], [Count(Progress, "18个", 18, "个")], verdict: "是否达到序时进度：否");

        Assert.Equal("ahead", assessment.Status);
        Assert.Equal(PrintedStatus.Behind, assessment.Printed!.Status);
        Assert.Equal("verdict_disagrees", Assert.Single(findings).Kind);
    }

    [Fact]
    public void A_verdict_stands_for_the_status_when_no_completion_can_be_worked_out()
    {
        var (assessment, findings) = Assess("推进城区道路微循环改造", "项目前期手续办理中，进度滞后。", new DateOnly(2023, 6, 30), [], []);

        Assert.Equal("behind", assessment.Status);
        Assert.Equal("进度滞后", assessment.Printed!.Raw);
        Assert.Empty(findings);
    }

    [Fact]
    public void A_task_without_a_report_stays_in_the_history_as_not_reported()
    {
        var task = new TaskFacts(9, 1, 6, "新建公共停车泊位800个", "进展情况：—");
        var (marked, findings) = Assessor.Assess(Bulletin, task, null, [], []);
        Assert.Equal("not_reported", marked.Status);
        Assert.Equal(PrintedStatus.NotReported, marked.Printed!.Status);
        Assert.Equal("not_reported", Assert.Single(findings).Kind);

        var (silent, none) = Assessor.Assess(Bulletin, task with { Verdict = null }, null, [], []);
        Assert.Equal("not_reported", silent.Status);
        Assert.Empty(none);
    }

    [Fact]
    public void Every_verdict_example_of_the_rules_is_read_by_its_own_rule()
    {
        var reader = new VerdictReader(TestPaths.RuleSet.History, TestPaths.RuleSet.Folding);
        foreach (var rule in TestPaths.RuleSet.History.Verdicts)
        {
            foreach (var example in rule.Rule.Examples)
            {
                Assert.True(reader.Read(example.Text, null)?.Status == rule.Status, $"{rule.Rule.Id}: {example.Text} → {reader.Read(example.Text, null)?.Status}");
            }

            foreach (var counter in rule.Rule.CounterExamples)
            {
                Assert.False(rule.Rule.Pattern.IsMatch(counter), $"{rule.Rule.Id} matches its counter-example {counter}");
            }
        }
    }

    [Theory]
    [InlineData("已开工12个", "12个", FigureState.Started)]
    [InlineData("已完成开工12个", "12个", FigureState.Started)]
    [InlineData("开工的14个中已完工3个", "3个", FigureState.Completed)]
    [InlineData("全县共有12个", "12个", null)]
    public void The_nearest_state_word_before_a_figure_gives_its_state(string text, string raw, FigureState? state)
    {
        var reader = new MeasureReader(TestPaths.RuleSet.History, TestPaths.RuleSet.Folding);
        Assert.Equal(state, reader.StateOf(Count(text, raw, 1, "个"), text));
    }

    private static (Assessment Assessment, IReadOnlyList<Finding> Findings) Assess(string task, string progress, DateOnly asOf, StoredFigure[] targets, StoredFigure[] reported, string? verdict = null) =>
        Assessor.Assess(Bulletin, new TaskFacts(7, 1, 3, task, verdict), new ReportFacts(7, asOf, progress), targets, reported);

    private static StoredFigure Count(string text, string raw, double value, string unit) =>
        new(text.Contains('截') || text.Contains('已') ? "progress" : "target", raw, value, unit, "count", start: text.IndexOf(raw, StringComparison.Ordinal));

    private static StoredFigure Percent(string text, string raw, double value) =>
        new("progress", raw, value, "%", "percent", start: text.IndexOf(raw, StringComparison.Ordinal));
}
