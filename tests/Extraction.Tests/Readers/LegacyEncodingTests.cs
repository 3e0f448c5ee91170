using System.Text;
using System.Text.Json;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Readers;

namespace Extraction.Tests.Readers;

/// <summary>
/// A bulletin saved in a legacy encoding (Big5 in Taiwan and Hong Kong, GBK or GB18030 on the
/// mainland, UTF-16 from Windows Notepad without its byte-order mark) yields the same tasks as
/// its UTF-8 form. The bulletin is invented for the test, in simplified and in traditional
/// characters.
/// </summary>
public sealed class LegacyEncodingTests
{
    private const string Simplified = """
        澜石县2023年民生实事上半年进展情况

        发布日期：2023-07-12　　来源：澜石县人民政府督查室

        2023年，县政府确定民生实事3项。截至6月底，已完成1项，按序时推进2项。现将进展情况通报如下：

        1.新增城镇就业2600人。牵头单位：县人社局。截至6月底，新增城镇就业1450人，完成率55.8%。

        2.改造提升农村公路80公里。牵头单位：县交通运输局。截至6月底，已完成改造46公里，完成年度目标的57.5%。

        3.新建社区养老服务站12个。牵头单位：县民政局、县卫生健康局。已建成12个并投入使用，提前完成全年任务。

        澜石县人民政府督查室
        """;

    private const string Traditional = """
        瀾石縣2023年民生實事上半年進展情況

        發布日期：2023-07-12　　來源：瀾石縣人民政府督查室

        2023年，縣政府確定民生實事3項。截至6月底，已完成1項，按序時推進2項。現將進展情況通報如下：

        1.新增城鎮就業2600人。牽頭單位：縣人社局。截至6月底，新增城鎮就業1450人，完成率55.8%。

        2.改造提升農村公路80公里。牽頭單位：縣交通運輸局。截至6月底，已完成改造46公里，完成年度目標的57.5%。

        3.新建社區養老服務站12個。牽頭單位：縣民政局、縣衛生健康局。已建成12個並投入使用，提前完成全年任務。

        瀾石縣人民政府督查室
        """;

    private static readonly BulletinParser Parser = new(TestPaths.RuleBook);

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "traditional", "big5", "big5" },
        { "traditional", "utf-16le", "utf-16" },
        { "simplified", "gbk", "gb18030" },
        { "simplified", "gb18030", "gb18030" },
        { "simplified", "utf-16le", "utf-16" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bulletin_in_a_legacy_encoding_is_read_as_its_utf8_form(string script, string encoding, string detectedAs)
    {
        var text = script == "traditional" ? Traditional : Simplified;
        var bytes = Encode(text, encoding);

        var decoded = TextDecoder.Decode(bytes, out var name);
        var legacy = Parser.Parse($"bulletin.{encoding}.txt", bytes);
        var utf8 = Parser.Parse("bulletin.txt", new UTF8Encoding(false).GetBytes(text));

        Assert.Equal(detectedAs, name, ignoreCase: true);
        Assert.Equal(text, decoded);
        Assert.True(legacy.Succeeded, legacy.Error);
        Assert.Equal(SourceFormat.Txt, legacy.Bulletin!.Source.Format);
        Assert.Equal(Json(utf8.Bulletin!.Tasks), Json(legacy.Bulletin.Tasks));
        Assert.Equal(utf8.Bulletin.Bulletin, legacy.Bulletin.Bulletin);

        // Checked against the text: three tasks, the third shared by two departments.
        Assert.Equal([1, 2, 3], legacy.Bulletin.Tasks.Select(t => t.Number));
        Assert.Equal(script == "traditional" ? ["縣民政局", "縣衛生健康局"] : ["县民政局", "县卫生健康局"], legacy.Bulletin.Tasks[2].Departments);
        Assert.Equal(["1450人", "55.8%"], legacy.Bulletin.Tasks[0].Progress!.Figures.Select(f => f.Raw));
        Assert.Equal(new DateOnly(2023, 7, 12), legacy.Bulletin.Bulletin.Date);
    }

    [Fact]
    public void A_single_line_of_big5_is_not_read_as_gbk()
    {
        var bytes = TextDecoder.Big5.GetBytes("截至6月底，新增城鎮就業1450人。");

        Assert.Equal("截至6月底，新增城鎮就業1450人。", TextDecoder.Decode(bytes, out var name));
        Assert.Equal("big5", name, ignoreCase: true);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, BulletinJson.Options);

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "big5" => Strict(950).GetBytes(text),
        "gbk" => Strict(936).GetBytes(text),
        "gb18030" => Strict(54936).GetBytes(text),
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>The code page refusing any character it cannot hold, so the test text is known to be all there.</summary>
    private static Encoding Strict(int codePage)
    {
        _ = TextDecoder.Gb18030; // registers the code-page provider
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
