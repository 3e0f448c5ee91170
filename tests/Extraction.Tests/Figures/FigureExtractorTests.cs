using Extraction.Figures;
using Extraction.Model;

namespace Extraction.Tests.Figures;

/// <summary>Named cases from the seed bulletin and the spec; the full vocabulary is checked through rule examples.</summary>
public sealed class FigureExtractorTests
{
    private static readonly FigureExtractor Extractor = new(TestPaths.RuleSet.Figures, TestPaths.RuleSet.Folding);

    [Fact]
    public void Sanmenxia2020_11_Task1_Progress_reads_people_and_completion()
    {
        var figures = Extractor.Extract("截止5月底，全市新增城镇就业19572人，完成目标任务3.8万人的51.51%。");

        Assert.Collection(
            figures,
            f => AssertFigure(f, "19572人", 19572, "人", FigureKind.Count),
            f => AssertFigure(f, "3.8万人", 38000, "人", FigureKind.Count),
            f => AssertFigure(f, "51.51%", 51.51, "%", FigureKind.Percent));
    }

    [Fact]
    public void Sanmenxia2020_11_Task16_prefix_qualifier_covers_the_list()
    {
        var figures = Extractor.Extract("将城乡低保对象月人均财政补助水平分别提高至不低于286元、178元，特困人员生活标准不低于当地低保标准的1.3倍；");

        Assert.All(figures, f => Assert.Equal(Qualifier.AtLeast, f.Qualifier));
        Assert.All(figures, f => Assert.Null(f.Change));
        Assert.Equal(["286元", "178元", "1.3倍"], figures.Select(f => f.Raw));
    }

    [Fact]
    public void Sanmenxia2020_11_Task15_ranks_and_changes()
    {
        var figures = Extractor.Extract("截至5月31日，我市PM10累计浓度87微克/立方米，全省排名第4，同比下降26.3%；优良天数102天，全省排名并列第7，较去年同期增加18天。");

        Assert.Equal(["87微克/立方米", "第4", "26.3%", "102天", "第7", "18天"], figures.Select(f => f.Raw));
        Assert.Equal(FigureKind.Rank, figures[1].Kind);
        Assert.Equal("", figures[1].Unit);
        Assert.Equal(Change.Decrease, figures[2].Change);
        Assert.Equal(Change.Increase, figures[5].Change);
    }

    [Fact]
    public void Figures_know_their_offset_in_the_text()
    {
        const string text = "已完成353个自然村通硬化路，占目标的60%。";
        foreach (var figure in Extractor.Extract(text))
        {
            Assert.Equal(figure.Raw, text.Substring(figure.Start, figure.Raw.Length));
        }
    }

    [Fact]
    public void A_number_directly_after_a_damaged_unit_word_stops_at_the_first_unit()
    {
        var figure = Assert.Single(Extractor.Extract("应发价格临时补贴1417.34万元元"));
        Assert.Equal("1417.34万元", figure.Raw);
        Assert.Equal(14173400, figure.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("第")]
    [InlineData("百分之")]
    [InlineData("1,")]
    [InlineData("3.")]
    [InlineData("12345678901234567890123456789012345人")]
    [InlineData("—1—2—3—")]
    [InlineData("万万亿亿")]
    public void Odd_text_never_throws(string text) => Extractor.Extract(text);

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(20200604);
        const string alphabet = "0123456789０１２３.．,，%％万亿千百十一二两三四五六七八九零〇点第余多以上内下个人元米方平立—-至年月日号期国道PM、。；截至约近不低于同比增长下降";
        for (var i = 0; i < 2000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var text = new string(chars);
            foreach (var figure in Extractor.Extract(text))
            {
                Assert.Equal(figure.Raw, text.Substring(figure.Start, figure.Raw.Length));
            }
        }
    }

    private static void AssertFigure(Figure f, string raw, double value, string unit, FigureKind kind)
    {
        Assert.Equal(raw, f.Raw);
        Assert.Equal(value, f.Value, 9);
        Assert.Equal(unit, f.Unit);
        Assert.Equal(kind, f.Kind);
    }
}
