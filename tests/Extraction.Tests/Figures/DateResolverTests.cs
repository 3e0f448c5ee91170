using Extraction.Figures.Dates;

namespace Extraction.Tests.Figures;

public sealed class DateResolverTests
{
    private static readonly DateResolver Dates = new(TestPaths.RuleSet.Dates, TestPaths.RuleSet.Folding);
    private static readonly DateOnly BulletinDate = new(2020, 6, 4);

    [Theory]
    [InlineData("2020年6月4日", "2020-06-04")]
    [InlineData("二〇二三年九月十日", "2023-09-10")]
    [InlineData("20191012", "2019-10-12")]
    [InlineData("2022年8月19", "2022-08-19")]
    [InlineData("2020年2月30日", null)]
    public void Reads_document_dates(string text, string? expected) =>
        Assert.Equal(expected, Dates.ParseDocumentDate(text)?.ToString("yyyy-MM-dd"));

    [Theory]
    [InlineData("截止5月底，全市新增城镇就业19572人", "2020-05-31")]
    [InlineData("截至6月2日，我市享受残疾儿童康复救助人数为587人", "2020-06-02")]
    [InlineData("截至目前项目可研已完成评审。", "2020-06-04")]
    [InlineData("我市城乡低保对象、特困人员补助标准从2020年1月1日起已按省定标准执行", null)]
    [InlineData("用水、用气报装环节已压缩至2个环节", null)]
    [InlineData("全县完成改造，截至5月底已开工", null)]
    public void As_of_only_counts_the_opening_date_phrase(string progress, string? expected) =>
        Assert.Equal(expected, Dates.ResolveAsOf(progress, 2020, BulletinDate)?.Date.ToString("yyyy-MM-dd"));

    [Fact]
    public void A_month_without_a_year_belongs_to_the_programme_year()
    {
        // A year-end report dated January speaks of the programme year before it.
        var asOf = Dates.ResolveAsOf("截至12月底，全部完成", 2023, new DateOnly(2024, 1, 8));
        Assert.Equal(new DateOnly(2023, 12, 31), asOf?.Date);
    }
}
