using System.Text;
using Extraction.Model;
using Extraction.Pipeline;

namespace Extraction.Tests.Segmentation;

/// <summary>Rule families: recognised from the document, overriding only what differs from the shared rules.</summary>
public sealed class FamilyTests
{
    private const string SubheadingTasks = """
        关于2023年县政府民生实事进展情况的通报

        今年县政府确定民生实事2大类3项，现将进展情况通报如下：

        一、商贸流通类

        （一）新建农贸市场2个

        责任单位：县商务局

        截至6月底，1个农贸市场主体完工。

        （二）改造提升乡镇商贸中心5个

        责任单位：县商务局、各乡镇

        截至6月底，已完成改造3个。

        二、社会事业类

        （三）新增公办幼儿园学位600个

        责任单位：县教育局

        截至6月底，新增学位420个，完成率70%。

        云溪县人民政府督查室

        2023年7月5日
        """;

    private static ParseOutcome Parse(string text, string? family = null) =>
        new BulletinParser(TestPaths.RuleBook, family).Parse("test.txt", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_family_is_recognised_from_the_document_and_overrides_the_category_rule()
    {
        var outcome = Parse(SubheadingTasks);

        Assert.Equal("subheading-tasks", outcome.Provenance.Single(p => p.Field == "rules.family").Value);
        var bulletin = outcome.Bulletin!;
        Assert.Equal([1, 2, 3], bulletin.Tasks.Select(t => t.Number));
        Assert.Equal([new Category(1, "商贸流通类"), new Category(2, "社会事业类")], bulletin.Categories);
        Assert.Equal([1, 1, 2], bulletin.Tasks.Select(t => t.Category));
        Assert.Equal(["县商务局", "各乡镇"], bulletin.Tasks[1].Departments);
        Assert.Equal(new DateOnly(2023, 6, 30), bulletin.Tasks[2].Progress!.AsOf);
        Assert.Equal(2023, bulletin.Bulletin.Year);
        Assert.Empty(bulletin.Warnings);
    }

    [Fact]
    public void The_shared_rules_read_the_same_lines_as_categories_and_keep_the_text_as_statements()
    {
        var outcome = Parse(SubheadingTasks, "common");
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Empty(outcome.Bulletin!.Tasks);
        Assert.Equal("no tasks found", outcome.Bulletin.Warnings[0]);
        Assert.Contains(outcome.Bulletin.Statements!, s => s.Text.StartsWith("责任单位：", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bulletin_with_arabic_task_numbers_keeps_the_shared_rules()
    {
        var outcome = new BulletinParser(TestPaths.RuleBook).ParseFile(TestPaths.CorpusFile("sanmenxia-2020-11.txt"));
        Assert.Equal("common", outcome.Provenance.Single(p => p.Field == "rules.family").Value);
    }

    [Theory]
    [InlineData("①", "②")]
    [InlineData("第一项：", "第二项：")]
    public void Items_numbered_with_circled_digits_or_ordinals_are_tasks(string first, string second)
    {
        var text = $"""
            关于2023年民生实事进展情况的通报

            {first}新增停车位300个

            牵头单位：县城管局

            截至6月底，新增停车位180个。

            {second}新建农贸市场2个

            牵头单位：县商务局

            截至6月底，1个农贸市场主体完工。

            云溪县人民政府督查室

            2023年7月5日
            """;

        var outcome = Parse(text);

        Assert.Equal("item-numbered", outcome.Provenance.Single(p => p.Field == "rules.family").Value);
        Assert.Equal([1, 2], outcome.Bulletin!.Tasks.Select(t => t.Number));
        Assert.Equal(["县城管局"], outcome.Bulletin.Tasks[0].Departments);
    }

    [Fact]
    public void A_table_report_is_read_by_the_shared_rules_from_its_header_row()
    {
        var outcome = new BulletinParser(TestPaths.RuleBook).ParseFile(TestPaths.CorpusFile("songqiao-county-2020-09.txt"));
        Assert.Equal("common", outcome.Provenance.Single(p => p.Field == "rules.family").Value);
        Assert.Equal(9, outcome.Bulletin!.Tasks.Count);
        Assert.Equal("table.number", outcome.Provenance.Single(p => p.Field == "tasks[0].number").Rule);
    }
}
