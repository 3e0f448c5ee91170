using System.Text.Json;
using Extraction.Cli;

namespace Extraction.Tests.Cli;

/// <summary><c>extract figures</c> on every example written in the figures issue and in the bulletin/1 spec.</summary>
public sealed class FiguresCommandTests
{
    [Theory]
    [InlineData("三百五十万", "三百五十万", 3500000, "")]
    [InlineData("一万二千", "一万二千", 12000, "")]
    [InlineData("二十二", "二十二", 22, "")]
    [InlineData("三点五", "三点五", 3.5, "")]
    [InlineData("3.8万", "3.8万", 38000, "")]
    [InlineData("1.2亿", "1.2亿", 120000000, "")]
    [InlineData("2千", "2千", 2000, "")]
    [InlineData("1,234.5", "1,234.5", 1234.5, "")]
    [InlineData("１２３", "１２３", 123, "")]
    [InlineData("3.8万人", "3.8万人", 38000, "人")]
    [InlineData("14.7亿元", "14.7亿元", 1470000000, "元")]
    [InlineData("60万平方米", "60万平方米", 600000, "平方米")]
    [InlineData("130余万元", "130余万元", 1300000, "元")]
    [InlineData("二十二项", "二十二项", 22, "项")]
    [InlineData("两千人", "两千人", 2000, "人")]
    [InlineData("三百五十万元", "三百五十万元", 3500000, "元")]
    [InlineData("54.3%", "54.3%", 54.3, "%")]
    [InlineData("54.3％", "54.3％", 54.3, "%")]
    [InlineData("百分之五十四点三", "百分之五十四点三", 54.3, "%")]
    [InlineData("提高1.6个百分点", "1.6个百分点", 1.6, "个百分点")]
    [InlineData("30万平方", "30万平方", 300000, "平方米")]
    [InlineData("40万方", "40万方", 400000, "立方米")]
    [InlineData("5.5万立方", "5.5万立方", 55000, "立方米")]
    [InlineData("12千米", "12千米", 12, "公里")]
    [InlineData("585个自然村", "585个", 585, "个")]
    [InlineData("46套", "46套", 46, "套")]
    [InlineData("4987例", "4987例", 4987, "例")]
    [InlineData("3.6萬個", "3.6萬個", 36000, "个")]
    [InlineData("排名第4", "第4", 4, "")]
    public void Reads_the_examples_of_the_spec_and_the_issue(string phrase, string raw, double value, string unit)
    {
        var figure = Single(phrase);
        Assert.Equal(raw, figure.GetProperty("raw").GetString());
        Assert.Equal(value, figure.GetProperty("value").GetDouble(), 9);
        Assert.Equal(unit, figure.GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("3-5个工作日", "工作日")]
    [InlineData("3至5个", "个")]
    [InlineData("3~5", "")]
    public void Ranges_are_one_figure_with_value_max(string phrase, string unit)
    {
        var figure = Single(phrase);
        Assert.Equal(3, figure.GetProperty("value").GetDouble());
        Assert.Equal(5, figure.GetProperty("value_max").GetDouble());
        Assert.Equal(unit, figure.GetProperty("unit").GetString());
    }

    [Fact]
    public void Qualifiers_and_changes_of_the_spec()
    {
        Assert.Equal("decrease", Single("同比下降26.3%").GetProperty("change").GetString());
        Assert.Equal("at_most", Single("3个工作日以内").GetProperty("qualifier").GetString());
        Assert.Equal("more_than", Single("800余名").GetProperty("qualifier").GetString());
        var list = Figures("分别提高至不低于286元、178元");
        Assert.All(list, f => Assert.Equal("at_least", f.GetProperty("qualifier").GetString()));
        Assert.All(list, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("change").ValueKind));
    }

    [Theory]
    [InlineData("国道310南移工程")]
    [InlineData("G30连霍高速")]
    [InlineData("省道245商务中心区段")]
    [InlineData("PM2.5和PM10")]
    [InlineData("二沉池主体全部完成")]
    [InlineData("“两癌”筛查")]
    [InlineData("“一元民生”政府救助保险")]
    [InlineData("“百城提质”领导小组办公室")]
    [InlineData("农村公路“百县通村入组”工程")]
    [InlineData("办好十件实事")]
    [InlineData("专项督查快报第11期")]
    [InlineData("2020年6月4日")]
    [InlineData("截至5月底")]
    [InlineData("6月中旬")]
    [InlineData("建成于2000年前")]
    [InlineData("二〇二〇年")]
    [InlineData("AO池地基处理")]
    public void Names_codes_issue_numbers_and_dates_are_not_figures(string phrase) => Assert.Empty(Figures(phrase));

    [Fact]
    public void Standard_input_gives_one_json_array_per_line()
    {
        var (exit, output, _) = CliRunner.RunWithInput("3.8万人\n国道310\n同比下降26.3%\n", "figures", "-", "--json", "--rules", TestPaths.Rules);

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(38000, JsonDocument.Parse(lines[0]).RootElement[0].GetProperty("value").GetDouble());
        Assert.Equal(0, JsonDocument.Parse(lines[1]).RootElement.GetArrayLength());
        Assert.Equal("decrease", JsonDocument.Parse(lines[2]).RootElement[0].GetProperty("change").GetString());
    }

    [Fact]
    public void Check_scores_a_table_and_fails_below_the_minimum()
    {
        var table = Path.Combine(TestPaths.Root, "tests", "Extraction.Tests", "Figures", "Cases", "figures-external.tsv");
        var (exit, output, _) = CliRunner.Run("figures", "--check", table, "--rules", TestPaths.Rules, "--min-score", "0.95");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("figures-external.tsv: ", output);
        Assert.Equal(ExitCodes.Failure, CliRunner.Run("figures", "--check", table, "--rules", TestPaths.Rules).Exit);
    }

    private static JsonElement Single(string phrase) => Assert.Single(Figures(phrase));

    private static List<JsonElement> Figures(string phrase)
    {
        var (exit, output, error) = CliRunner.Run("figures", phrase, "--json", "--rules", TestPaths.Rules);
        Assert.True(exit == ExitCodes.Ok, error);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
