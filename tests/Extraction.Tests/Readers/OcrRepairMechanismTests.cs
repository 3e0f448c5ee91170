using System.Text.RegularExpressions;
using Extraction.Model;
using Extraction.Readers.Ocr;
using Extraction.Rules;

namespace Extraction.Tests.Readers;

/// <summary>The OCR repairs that are mechanisms rather than single patterns: labels one character off, heading numerals in a count.</summary>
public sealed class OcrRepairMechanismTests
{
    private static OcrLabelRepair Labels => TestPaths.RuleSet.Ocr.Repairs.Select(r => r.Labels).OfType<OcrLabelRepair>().Single();

    [Fact]
    public void The_label_vocabulary_is_the_paragraph_rules_own()
    {
        var labels = Labels.Labels.ToDictionary(l => l.Label, l => l.Role);
        Assert.Equal("Departments", labels["主要责任部门"]);
        Assert.Equal("Departments", labels["牵头单位"]);
        Assert.Equal("Partners", labels["配合单位"]);
        Assert.Equal("Progress", labels["进展情况"]);
        Assert.DoesNotContain("责任(?:（配合）|\\(配合\\))单位", labels.Keys);
    }

    [Theory]
    [InlineData("^(?:主要责任部门|责任单位)\\s*[：:]", new[] { "主要责任部门", "责任单位" })]
    [InlineData("^进展情况\\s*[：:]", new[] { "进展情况" })]
    [InlineData("^(?:配合单位|责任(?:（配合）|\\(配合\\))单位)\\s*[：:]", new[] { "配合单位" })]
    [InlineData("^(?:一|二)?是", new string[0])]
    [InlineData("^[0-9]+", new string[0])]
    public void Opening_words_are_read_from_a_pattern(string pattern, string[] words) =>
        Assert.Equal(words, OcrLabelRepair.OpeningWords(pattern));

    [Theory]
    [InlineData("配合单立：县财政局", "配合单位：县财政局")]
    [InlineData("牵头单立；县教育局", "牵头单位；县教育局")]
    [InlineData("县进展情况：截至6月底", "进展情况：截至6月底")]
    [InlineData("责任单位：县卫生健康局", null)] // as written
    [InlineData("总体情况：进展顺利", null)] // words of their own, one character from 具体情况
    [InlineData("进行：", null)] // two characters: too short to tell
    [InlineData("牵头单立县教育局", null)] // no colon-like mark: no label
    public void A_label_one_character_off_is_repaired_only_when_unambiguous(string text, string? repaired) =>
        Assert.Equal(repaired, Labels.Repaired(text));

    [Fact]
    public void Labels_of_two_roles_equally_close_are_left_alone()
    {
        var repair = new OcrLabelRepair([("甲乙丙丁", "Departments"), ("甲乙丙戊", "Partners")], new Regex("^[：:]"), 4, new HashSet<string>());
        Assert.Null(repair.Repaired("甲乙丙己：县财政局"));
        Assert.Equal("甲乙丙丁：县财政局", repair.Repaired("甲乙庚丁：县财政局"));
    }

    private static List<string> Headings(params string[] texts) =>
        [.. OcrHeadingSequence.Repair([.. texts.Select(t => new RawParagraph(t))]).Select(p => p.Text)];

    [Fact]
    public void Misread_heading_numerals_take_the_place_the_count_leaves()
    {
        var mended = Headings("（世）办好人民满意教育", "1.新建城东小学", "（亿）提升医疗卫生服务", "（三）促进就业", "下)改善城乡人居环境", "（五）加强社会保障");
        Assert.Equal(["（一）办好人民满意教育", "1.新建城东小学", "（二）提升医疗卫生服务", "（三）促进就业", "（四）改善城乡人居环境", "（五）加强社会保障"], mended);
    }

    [Fact]
    public void A_misread_mark_of_a_listed_heading_is_mended_in_its_place()
    {
        Assert.Equal(["一、工作进展", "二、存在问题", "三、下步打算"], Headings("一、工作进展", "二，存在问题", "三、下步打算"));
        Assert.Equal(["一、工作进展", "二、存在问题", "三、下步打算"], Headings("一、工作进展", "=、存在问题", "三、下步打算"));
        Assert.Equal(["一、工作进展", "=、存在问题", "=、存在问题", "三、下步打算"], Headings("一、工作进展", "=、存在问题", "=、存在问题", "三、下步打算"));
    }

    [Fact]
    public void A_count_that_leaves_no_place_mends_nothing()
    {
        // Two misread headings between （一） and （三）: one place, so neither is guessed.
        string[] texts = ["（一）改善居住条件", "（甲）方便出行", "（乙）医疗服务", "（三）促进就业"];
        Assert.Equal(texts, Headings(texts));

        // A new part restarts the count: （世） before its （二） follows the last part's （三）.
        string[] restart = ["（一）甲", "（二）乙", "（三）丙", "（世）丁", "（三）戊"];
        Assert.Equal(restart, Headings(restart));
    }
}
