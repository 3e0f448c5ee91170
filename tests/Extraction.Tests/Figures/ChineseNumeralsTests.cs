using Extraction.Figures.Numbers;

namespace Extraction.Tests.Figures;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData("二十二", 22)]
    [InlineData("十五", 15)]
    [InlineData("十", 10)]
    [InlineData("两千", 2000)]
    [InlineData("三百五十万", 3500000)]
    [InlineData("一万二千", 12000)]
    [InlineData("一千零五", 1005)]
    [InlineData("一千零五十", 1050)]
    [InlineData("一百零一万一千", 1011000)]
    [InlineData("七十八万五佰零六", 780506)]
    [InlineData("五亿零六", 500000006)]
    [InlineData("拾万零五十六", 100056)]
    [InlineData("壹佰伍拾", 150)]
    [InlineData("二〇二〇", 2020)]
    [InlineData("二〇二三", 2023)]
    [InlineData("八十六", 86)]
    public void Reads_integers(string text, long expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("三点五", "3.5")]
    [InlineData("五十四点三", "54.3")]
    [InlineData("零点零五", "0.05")]
    public void Reads_decimals_with_dian(string text, string expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("三门")]
    [InlineData("点五")]
    public void Refuses_what_is_not_a_numeral(string text) => Assert.False(ChineseNumerals.TryParse(text, out _));

    [Theory]
    [InlineData("11", 11)]
    [InlineData("１２", 12)]
    [InlineData("十二", 12)]
    [InlineData("九", 9)]
    [InlineData(" 1 1 ", 11)]
    public void Numeral_reads_arabic_full_width_and_chinese(string text, int expected) => Assert.Equal(expected, Numeral.ToInt(text));
}
