using System.Text;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Rules;
using Extraction.Tests.Rules;

namespace Extraction.Tests.Segmentation;

public sealed class SegmenterTests
{
    private const string Bulletin = """
        专项督查快报

        第 3 期

        某市人民政府督查室

        2021年5月6日

        2021年重点民生实事进展情况督查报告

        2021年重点民生实事共涉及1大类2项具体任务，现将有关情况汇报如下：

        一、工作进展情况

        （一）提升城市基础设施

        1.新建供热管网5公里，新增供热面积60万平

        方米；对市污水处理厂进行扩建。

        主要责任部门：市住建局、市发展和改革委员会及市财政局

        进展情况：截至4月底，新建供热管道已完成0.72公里，涵洞通

        — 2 —

        道完成40%。

        2.完善妇女“两癌”筛查机制。

        继续开展一次宫颈癌筛查，全年完成筛查38500人。

        主要责任部门：市妇联

        二、当前工作存在问题

        一是部分项目推进慢。

        二是部分项目缺乏资金；

        负压病房项目所需财政资金尚未到位。

        下一步，市政府督查室将继续督促。
        """;

    private static BulletinDocument Parse(string text, RuleBook? rules = null)
    {
        var outcome = new BulletinParser(rules ?? TestPaths.RuleBook).Parse("test.txt", Encoding.UTF8.GetBytes(text));
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Bulletin!;
    }

    [Fact]
    public void Reads_the_masthead()
    {
        var b = Parse(Bulletin).Bulletin;
        Assert.Equal(new BulletinInfo("专项督查快报", 3, "某市人民政府督查室", new DateOnly(2021, 5, 6), "2021年重点民生实事进展情况督查报告", 2021, 1, 2), b);
    }

    [Fact]
    public void A_word_split_by_a_blank_line_is_joined_again()
    {
        var task = Parse(Bulletin).Tasks[0];
        Assert.Equal("新建供热管网5公里，新增供热面积60万平方米；对市污水处理厂进行扩建。", task.Text);
        Assert.Contains(task.Targets, f => f.Raw == "60万平方米" && f.Value == 600000);
    }

    [Fact]
    public void A_page_footer_inside_a_word_is_dropped()
    {
        var progress = Parse(Bulletin).Tasks[0].Progress!;
        Assert.Equal("截至4月底，新建供热管道已完成0.72公里，涵洞通道完成40%。", progress.Text);
        Assert.Equal(new DateOnly(2021, 4, 30), progress.AsOf);
    }

    [Fact]
    public void Paragraphs_of_one_field_join_without_a_space()
    {
        var task = Parse(Bulletin).Tasks[1];
        Assert.Equal("完善妇女“两癌”筛查机制。继续开展一次宫颈癌筛查，全年完成筛查38500人。", task.Text);
        Assert.Null(task.Progress);
    }

    [Fact]
    public void Departments_split_on_the_separators_of_the_rules_but_not_inside_names()
    {
        Assert.Equal(["市住建局", "市发展和改革委员会", "市财政局"], Parse(Bulletin).Tasks[0].Departments);
    }

    [Fact]
    public void Categories_are_the_headings_that_hold_the_tasks()
    {
        var bulletin = Parse(Bulletin);
        Assert.Equal([new Category(1, "提升城市基础设施")], bulletin.Categories);
        Assert.All(bulletin.Tasks, t => Assert.Equal(1, t.Category));
    }

    [Fact]
    public void Problems_continue_over_paragraphs_and_stop_at_the_closing_paragraph()
    {
        Assert.Equal(
            [new Problem(1, "部分项目推进慢。"), new Problem(2, "部分项目缺乏资金；负压病房项目所需财政资金尚未到位。")],
            Parse(Bulletin).Problems);
    }

    [Fact]
    public void A_count_that_disagrees_with_the_declaration_is_a_warning()
    {
        var bulletin = Parse(Bulletin.Replace("1大类2项", "1大类3项", StringComparison.Ordinal));
        Assert.Equal(["declared 3 tasks, found 2"], bulletin.Warnings);
    }

    [Fact]
    public void A_progress_date_after_the_bulletin_date_is_a_warning()
    {
        var bulletin = Parse(Bulletin.Replace("截至4月底", "截至6月底", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2021, 6, 30), bulletin.Tasks[0].Progress!.AsOf);
        Assert.Contains(bulletin.Warnings, w => w.Contains("after the bulletin date", StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_end_report_dated_january_belongs_to_the_year_before()
    {
        var text = Bulletin
            .Replace("2021年5月6日", "2022年1月8日", StringComparison.Ordinal)
            .Replace("2021年重点民生实事进展情况督查报告", "重点民生实事进展情况督查报告", StringComparison.Ordinal)
            .Replace("2021年重点民生实事共涉及", "重点民生实事共涉及", StringComparison.Ordinal)
            .Replace("截至4月底", "截至12月底", StringComparison.Ordinal);

        var bulletin = Parse(text);

        Assert.Equal(2021, bulletin.Bulletin.Year);
        Assert.Equal(new DateOnly(2021, 12, 31), bulletin.Tasks[0].Progress!.AsOf);
        Assert.Empty(bulletin.Warnings);
    }

    [Fact]
    public void A_new_progress_label_is_added_by_editing_a_rule_file()
    {
        var text = Bulletin.Replace("进展情况：", "项目动态：", StringComparison.Ordinal);
        var unlabelled = Parse(text).Tasks[0].Progress!;
        Assert.StartsWith("项目动态：", unlabelled.Text);
        Assert.Null(unlabelled.AsOf);

        using var dir = RuleSetLoaderTests.CopyOfRules();
        var structure = Path.Combine(dir.Path, "common", "structure.yaml");
        File.WriteAllText(structure, File.ReadAllText(structure).Replace("(?:进展情况|", "(?:进展情况|项目动态|", StringComparison.Ordinal));

        var progress = Parse(text, RuleBookLoader.Load(dir.Path)).Tasks[0].Progress!;
        Assert.Equal(new DateOnly(2021, 4, 30), progress.AsOf);
        Assert.StartsWith("截至4月底", progress.Text);
    }

    [Fact]
    public void Sanmenxia2020_11_Task16_HasTwoDepartments()
    {
        var outcome = new BulletinParser(TestPaths.RuleBook).ParseFile(TestPaths.CorpusFile("sanmenxia-2020-11.txt"));
        var task = outcome.Bulletin!.Tasks.Single(t => t.Number == 16);
        Assert.Equal(["市民政局", "市人力资源社会保障局"], task.Departments);
        Assert.Null(task.Progress!.AsOf);
    }

    [Fact]
    public void Text_without_tasks_is_a_bulletin_of_statements_with_a_warning()
    {
        var outcome = new BulletinParser(TestPaths.RuleBook).Parse("notes.txt", Encoding.UTF8.GetBytes("会议纪要\n\n今天开会讨论了明年的工作，共3项。"));
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(["no tasks found"], outcome.Bulletin!.Warnings);
        Assert.Equal("会议纪要", outcome.Bulletin.Bulletin.Title);
        var statement = Assert.Single(outcome.Bulletin.Statements!);
        Assert.Equal("3项", Assert.Single(statement.Figures).Raw);
    }

    [Fact]
    public void Text_that_is_all_page_furniture_is_not_a_bulletin()
    {
        var outcome = new BulletinParser(TestPaths.RuleBook).Parse("page.txt", Encoding.UTF8.GetBytes("当前位置：首页 > 政务公开\n\n【打印本页】【关闭窗口】\n\n备案号：某ICP备12345678号"));
        Assert.False(outcome.Succeeded);
        Assert.Contains("no bulletin text", outcome.Error);
    }
}
