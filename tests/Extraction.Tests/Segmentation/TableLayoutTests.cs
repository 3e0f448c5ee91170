using Extraction.Rules;
using Extraction.Segmentation.Layout;

namespace Extraction.Tests.Segmentation;

/// <summary>How a row's cells are told apart and put back under their columns when cells were merged or lost.</summary>
public sealed class TableLayoutTests
{
    private static readonly CellKinds Kinds = new(TestPaths.RuleSet);

    [Theory]
    [InlineData("7", CellKind.Ordinal)]
    [InlineData("9*", CellKind.Ordinal)]
    [InlineData("123.4", CellKind.Quantity)]
    [InlineData("80%", CellKind.Quantity)]
    [InlineData("1.2万户", CellKind.Quantity)]
    [InlineData("市妇联", CellKind.Unit)]
    [InlineData("市人力资源社会保障局、市教体局、", CellKind.Unit)]
    [InlineData("区教体局(区国资公司代建)", CellKind.Unit)]
    [InlineData("市人力资源", CellKind.UnitPiece)]
    [InlineData("超额完成", CellKind.Status)]
    [InlineData("顺利推进", CellKind.Status)]
    [InlineData("城镇新增就业(人)", CellKind.Text)]
    [InlineData("已完成搬迁20612人，完成率137%。", CellKind.Text)]
    public void A_cell_is_told_by_what_it_holds(string cell, CellKind kind) => Assert.Equal(kind, Kinds.Of(cell));

    private static readonly ColumnRole[] Columns =
        [ColumnRole.Task, ColumnRole.Target, ColumnRole.Departments, ColumnRole.Partners, ColumnRole.Progress, ColumnRole.Completion, ColumnRole.Status];

    [Fact]
    public void A_row_whose_unit_cell_is_merged_keeps_its_figures_under_target_progress_and_completion()
    {
        // 城镇失业人员再就业(人) | 4000 | (unit merged with the row above) | 4934 | 123.4 | 超额完成
        var placed = RowAligner.Align([CellKind.Text, CellKind.Ordinal, CellKind.Ordinal, CellKind.Quantity, CellKind.Status], Columns);
        Assert.Equal([0, 1, 4, 5, 6], placed!);
    }

    [Fact]
    public void A_name_broken_over_two_cells_stays_under_one_column()
    {
        // 促进就业 | 城镇新增就业(人) | 26000 | 市人力资源 | 社会保障局 | 32095 | 123.4 | 超额完成
        var placed = RowAligner.Align(
            [CellKind.Text, CellKind.Text, CellKind.Quantity, CellKind.UnitPiece, CellKind.Unit, CellKind.Quantity, CellKind.Quantity, CellKind.Status], Columns);
        Assert.Equal([0, 0, 1, 2, 2, 4, 5, 6], placed!);
    }

    [Fact]
    public void Two_whole_units_in_two_cells_go_to_lead_and_partner()
    {
        var placed = RowAligner.Align([CellKind.Text, CellKind.Text, CellKind.Unit, CellKind.Unit, CellKind.Text, CellKind.Status], Columns);
        Assert.Equal([0, 1, 2, 3, 4, 6], placed!);
    }

    [Fact]
    public void A_figure_never_stands_under_a_unit_column()
    {
        var placed = RowAligner.Align([CellKind.Text, CellKind.Quantity], [ColumnRole.Task, ColumnRole.Departments, ColumnRole.Progress]);
        Assert.Equal([0, 2], placed!);
    }

    [Fact]
    public void A_broken_header_is_put_back_together()
    {
        var merged = new ColumnRoles(TestPaths.RuleSet).Merge(["工程", "名称", "序号", "完成目标", "(%)", "备注"]);
        Assert.Equal(["工程名称", "序号", "完成目标(%)", "备注"], merged.Select(m => m.Text));
    }
}

/// <summary>Whole bulletins whose tables a copied page left as one cell per block or per line.</summary>
public sealed class CellTableTests
{
    private static Extraction.Model.BulletinDocument Parse(string text)
    {
        var outcome = new Extraction.Pipeline.BulletinParser(TestPaths.RuleBook).Parse("t.txt", System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Bulletin!;
    }

    // Blocks between blank lines; 工程/名称 and 完成比例/(%) are broken headers, 县人力资源/社会保障局 a
    // broken name, the unit is merged on row 2, the group cell stands only on the first row of its group.
    private const string Merged = """
        禾川县2019年1—6月民生工程实施进度表

        工程

        名称

        序号

        项目内容

        目标任务

        牵头单位

        进度

        完成比例

        (%)

        备注

        就业工程

        1

        城镇新增就业(人)

        1500

        县人力资源

        社会保障局

        820

        54.7

        序时推进

        2

        失业人员再就业(人)

        300

        160

        53.3

        序时推进

        安居工程

        3

        改造农村危房(户)

        420

        县住建局

        450

        107.1

        超额完成
        """;

    [Fact]
    public void Merged_cells_keep_the_other_cells_under_their_columns()
    {
        var b = Parse(Merged);
        Assert.Equal(["1", "2", "3"], b.Tasks.Select(t => t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("城镇新增就业(人) 1500", b.Tasks[0].Text);
        Assert.Equal(["县人力资源社会保障局"], b.Tasks[0].Departments);
        Assert.Equal("820 54.7", b.Tasks[0].Progress!.Text);
        Assert.Equal("失业人员再就业(人) 300", b.Tasks[1].Text);
        Assert.Empty(b.Tasks[1].Departments);
        Assert.Equal("160 53.3", b.Tasks[1].Progress!.Text);
        Assert.Equal(new DateOnly(2019, 6, 30), b.Tasks[1].Progress!.AsOf);
    }

    [Fact]
    public void A_group_column_left_of_the_number_gives_the_categories()
    {
        var b = Parse(Merged);
        Assert.Equal([new Extraction.Model.Category(1, "就业工程"), new Extraction.Model.Category(2, "安居工程")], b.Categories);
        Assert.Equal([1, 1, 2], b.Tasks.Select(t => t.Category ?? 0));
    }

    [Fact]
    public void A_status_column_and_a_not_reported_mark_are_kept_as_the_tasks_verdict()
    {
        var b = Parse("""
            某县2024年民生实事项目推进情况表（截至6月底）

            | 序号 | 项目名称 | 责任单位 | 推进情况 | 是否达到序时进度 |
            | 1 | 新建村级养老服务站20个 | 县民政局 | 已建成8个 | 否 |
            | 2 | 改造农村公路35公里 | 县交通运输局 | 已完成21公里 | 是 |
            | 3 | 新增公共停车泊位800个 | 县住建局 | — | |
            """);

        Assert.Equal(["是否达到序时进度：否", "是否达到序时进度：是", "推进情况：—"], b.Tasks.Select(t => t.Verdict));
        Assert.Null(b.Tasks[2].Progress);
        Assert.Equal("已建成8个", b.Tasks[0].Progress!.Text);
    }

    [Fact]
    public void Cells_closed_by_pipes_are_read_one_per_line_and_a_lost_number_is_restored()
    {
        // Number 3 was lost at a page break: row 2 holds two rows' cells.
        var b = Parse("""
            某镇2022年为民办实事推进情况
            序号 |
            实事内容 |
            责任单位 |
            推进情况 |
            |||
            1 |
            新建村级养老服务站2个 |
            镇民政办 |
            已建成1个，另1个完成主体 |
            |
            2 |
            改造村内道路8公里 |
            镇城建办 |
            已完成6公里 |
            |
            硬化村组道路5公里 |
            镇农业农村办 |
            已全部完工 |
            |
            4 |
            新增公益性岗位30个 |
            镇社保所 |
            已安置32人 |
            """);
        Assert.Equal([1, 2, 3, 4], b.Tasks.Select(t => t.Number));
        Assert.Equal("硬化村组道路5公里", b.Tasks[2].Text);
        Assert.Equal(["镇农业农村办"], b.Tasks[2].Departments);
        Assert.Equal("已全部完工", b.Tasks[2].Progress!.Text);
        Assert.Equal(["镇社保所"], b.Tasks[3].Departments);
    }
}
