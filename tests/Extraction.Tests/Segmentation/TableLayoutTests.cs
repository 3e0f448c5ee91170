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
