using System.Text;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Pipeline.Scoring;
using Extraction.Readers;
using Extraction.Readers.Html;

namespace Extraction.Tests.Readers;

/// <summary>
/// The HTML reader: the seed bulletin as a government web site serves it (GBK declared as
/// gb2312, navigation, breadcrumbs, a publication line, related links, a footer of numbers),
/// and small pages for each thing a web page may do to a bulletin.
/// </summary>
public sealed class HtmlReaderTests
{
    private const string SeedHtml = "sanmenxia-2020-11.html";

    private static readonly HtmlDocumentReader Reader = new(TestPaths.RuleBook.Common);

    // ---- the seed page ----

    [Fact]
    public void Sanmenxia2020_11_Html_is_decoded_from_gbk()
    {
        var paragraphs = ReadFile(SeedHtml);

        Assert.Equal(["专项督查快报", "第 11 期", "三门峡市人民政府督查室 2020年6月4日", "2020年省、市重点民生实事进展情况督查报告"], paragraphs.Take(4));
        Assert.Contains("1.深入实施就业优先政策，重点做好高校毕业生、退役军人、下岗职工、农民工、返乡人员就业工作，开发公益性岗位安置就业特困人员，确保全市新增城镇就业3.8万人。", paragraphs);
        Assert.Contains("主要责任部门：市“百城提质”领导小组办公室", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains('\uFFFD'));
    }

    [Fact]
    public void Sanmenxia2020_11_Html_has_no_navigation_breadcrumbs_publication_line_or_footer()
    {
        var paragraphs = ReadFile(SeedHtml);
        var text = string.Join("\n", paragraphs);

        string[] furniture = ["首页", "政务公开", "当前位置", "星期五", "发布时间", "2020-06-05", "浏览次数", "1262", "字号", "打印本页", "关闭窗口", "相关文章", "2020年第一季度重点工作推进情况通报", "主办", "ICP", "4112000001", "0398-2812345", "分辨率"];
        Assert.All(furniture, f => Assert.DoesNotContain(f, text));
        Assert.StartsWith("下一步，市政府督查室将继续督促", paragraphs[^1]);
    }

    [Fact]
    public void Sanmenxia2020_11_Html_gives_the_text_of_the_seed_bulletin_and_nothing_else()
    {
        var fromHtml = ReadFile(SeedHtml);
        var seed = File.ReadAllText(TestPaths.CorpusFile("sanmenxia-2020-11.txt"), Encoding.UTF8);

        // The printed seed breaks lines at page ends and the web page does not; the characters agree.
        Assert.Equal(Squeeze(seed), Squeeze(string.Concat(fromHtml)));
    }

    [Fact]
    public void Sanmenxia2020_11_Html_parses_to_the_golden_file()
    {
        var gold = BulletinJson.Deserialize(File.ReadAllText(Path.Combine(TestPaths.Corpus, "expected", "sanmenxia-2020-11.json")));
        var outcome = new BulletinParser(TestPaths.RuleBook).ParseFile(TestPaths.CorpusFile(SeedHtml));
        Assert.True(outcome.Succeeded, outcome.Error);

        var score = GoldenComparer.Compare(SeedHtml, gold, outcome.Bulletin!);

        // The web page prints "二、当前工作存在问题" and "一是部分项目推进慢。…" in one <p>: the
        // reader keeps the page's paragraph and the segmenter reads past the heading.
        Assert.True(score.Differences.Count == 0, $"{score.Differences.Count} differences:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", score.Differences)}");
        Assert.Equal(22, score["tasks"].TruePositives);
        Assert.Equal(SourceFormat.Html, outcome.Bulletin!.Source.Format);
        Assert.Equal(gold.Warnings, outcome.Bulletin.Warnings);
    }

    // ---- charset ----

    private const string Sentence = "截至5月底，全市新增城镇就业19572人，完成目标任务的51.51%。";

    public static TheoryData<string, byte[]> Charsets() => new()
    {
        { "GB18030 bytes declared gb2312 by http-equiv", Gb(Page(Sentence, """<meta http-equiv="Content-Type" content="text/html; charset=gb2312">""")) },
        { "GB18030 bytes declared gbk by meta charset", Gb(Page(Sentence, """<meta charset="GBK">""")) },
        { "GB18030 bytes, nothing declared", Gb(Page(Sentence, "")) },
        { "UTF-8 declared utf-8", Utf8(Page(Sentence, """<meta charset="utf-8">""")) },
        { "UTF-8, nothing declared", Utf8(Page(Sentence, "")) },
        { "UTF-8 with a BOM that overrides a gb2312 meta", [0xEF, 0xBB, 0xBF, .. Utf8(Page(Sentence, """<meta charset="gb2312">"""))] },
        { "UTF-16 with a BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Page(Sentence, ""))] },
        { "UTF-8 under a stale gb2312 meta", Utf8(Page(Sentence, """<meta http-equiv="Content-Type" content="text/html; charset=gb2312">""")) },
        { "GB18030 under a wrong utf-8 meta", Gb(Page(Sentence, """<meta charset="utf-8">""")) },
        { "GB18030 under a Latin charset", Gb(Page(Sentence, """<meta charset="iso-8859-1">""")) },
        { "GB18030 declared in an XML declaration", Gb("""<?xml version="1.0" encoding="gb2312"?>""" + Page(Sentence, "")) },
    };

    [Theory]
    [MemberData(nameof(Charsets))]
    public void Charset_is_taken_from_the_bom_the_page_or_the_bytes(string description, byte[] page)
    {
        Assert.True(Read(page) is [Sentence], $"{description}: {string.Join(" / ", Read(page))}");
    }

    [Fact]
    public void Big5_is_decoded_when_declared()
    {
        var big5 = Encoding.GetEncoding("big5", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        const string Traditional = "截至三季度末，已完成投資1.2億元，完成年度計劃的76.4%。";

        Assert.Equal([Traditional], Read(big5.GetBytes(Page(Traditional, """<meta charset="big5">"""))));
    }

    // ---- paragraphs ----

    [Fact]
    public void A_br_ends_a_paragraph_and_inline_text_joins()
    {
        var lines = Read(Utf8(Page("""
            <p>主要责任部门：<strong>市住建局</strong><br>进展情况：截至5月底，新建供热管道已完成0.72公里。<br/>
            新建燃气管道已完成3.9公里。</p>
            <div>2.新建供热管网5公里，新增供热面积60万平
            方米；对市污水处理厂进行扩建。</div>
            """)));

        Assert.Equal(
            ["主要责任部门：市住建局", "进展情况：截至5月底，新建供热管道已完成0.72公里。", "新建燃气管道已完成3.9公里。", "2.新建供热管网5公里，新增供热面积60万平方米；对市污水处理厂进行扩建。"],
            lines);
    }

    [Fact]
    public void Entities_are_decoded_and_spaces_trimmed()
    {
        var lines = Read(Utf8(Page("<p>&nbsp;&nbsp;\u3000\u3000主要责任部门：市妇联&#x3001;市卫生健康委&nbsp;</p><p>　　&ldquo;两癌&rdquo;筛查8377人&lt;35岁</p>")));

        Assert.Equal(["主要责任部门：市妇联、市卫生健康委", "“两癌”筛查8377人<35岁"], lines);
    }

    [Fact]
    public void Markup_left_in_the_text_is_cleaned()
    {
        var lines = Read(Utf8(Page("""
            <p>1.新建公厕20座。br />主要责任部门：县城管局</p>
            <p>&lt;p class="MsoNormal"&gt;进展情况：已建成12座。&lt;/p&gt;&amp;nbsp;</p>
            <p>&lt;span style="font-size:16px"&gt;2.改造农村危房150户。&lt;/span&gt;</p>
            """)));

        Assert.Equal(["1.新建公厕20座。", "主要责任部门：县城管局", "进展情况：已建成12座。", "2.改造农村危房150户。"], lines);
    }

    [Fact]
    public void A_table_is_read_as_one_pipe_row_per_tr()
    {
        var lines = Read(Utf8(Page("""
            <p>松桥县2020年民生实事项目推进情况表（1—9月）</p>
            <table border="1">
              <tr><th>序号</th><th>实事内容</th><th>牵头单位</th><th>1—9月推进情况</th></tr>
              <tr><td>1</td><td><p>新增城镇就业3000人</p></td><td>县人力资源<br>社会保障局</td><td>新增城镇就业2786人，完成率92.9%</td></tr>
              <tr><td>2</td><td>新建城市公共厕所10座</td><td>县城管局</td><td></td></tr>
              <tr><td></td><td></td><td></td><td></td></tr>
            </table>
            <p>注：完成率为累计完成量占年度目标任务量的比例。</p>
            """)));

        Assert.Equal(
            [
                "松桥县2020年民生实事项目推进情况表（1—9月）",
                "序号 | 实事内容 | 牵头单位 | 1—9月推进情况",
                "1 | 新增城镇就业3000人 | 县人力资源社会保障局 | 新增城镇就业2786人，完成率92.9%",
                "2 | 新建城市公共厕所10座 | 县城管局 |",
                "注：完成率为累计完成量占年度目标任务量的比例。",
            ],
            lines);
    }

    // ---- locating the article ----

    [Fact]
    public void A_named_content_container_is_found_among_navigation_with_many_links()
    {
        var lines = Read(Utf8(Page($"""
            <div class="header"><a href="/">首页</a> <a href="/a">机构概况</a> <a href="/b">政务公开</a></div>
            <div class="nav-bar"><ul>{Links(30)}</ul></div>
            <div class="left-col"><h3>政务公开</h3><ul>{Links(20)}</ul><p>本栏目由县政府办公室维护更新，欢迎监督。</p></div>
            <div class="right-col">
              <div class="Custom_UnionStyle">
                <p>1.新建公厕20座。</p><p>主要责任部门：县城管局</p><p>进展情况：截至9月底，已建成12座，完成率60%。</p>
              </div>
            </div>
            <div class="friend"><select><option>友情链接</option></select>{Links(10)}</div>
            """)));

        Assert.Equal(["1.新建公厕20座。", "主要责任部门：县城管局", "进展情况：截至9月底，已建成12座，完成率60%。"], lines);
    }

    [Fact]
    public void Without_named_containers_the_block_with_most_text_and_fewest_links_is_the_article()
    {
        // An old table-layout page: a menu cell beside the article cell, nothing named.
        var lines = Read(Utf8(Page($"""
            <table width="980"><tr><td colspan="2"><img src="banner.jpg"></td></tr>
            <tr>
              <td width="200"><table><tr><td>{Links(25)}</td></tr></table><div>值班电话：0571-1234567</div></td>
              <td width="780">
                <div><p>关于2022年9月份民生实事推进情况的通报</p>
                <p>今年县政府确定的民生实事共8大类20项，截至9月底，已完成9项。</p>
                <p>1、新建村级养老服务站6个，已建成4个。</p></div>
              </td>
            </tr>
            <tr><td colspan="2">{Links(8)}</td></tr></table>
            """)));

        Assert.Equal(["关于2022年9月份民生实事推进情况的通报", "今年县政府确定的民生实事共8大类20项，截至9月底，已完成9项。", "1、新建村级养老服务站6个，已建成4个。"], lines);
    }

    [Fact]
    public void A_headline_printed_above_the_article_container_comes_first()
    {
        var lines = Read(Utf8(Page(
            """
            <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/x">通知公告</a></div>
            <div class="detail">
              <h1>关于2022年9月份民生实事推进情况的通报</h1>
              <div class="meta">发布日期：2022-10-12 来源：县政府办 阅读：356</div>
              <div id="zoom">
                <p>各乡镇人民政府，县政府各部门：</p>
                <p>今年县政府确定的民生实事共8大类20项。截至9月底，已完成9项，按序时推进8项，滞后3项。</p>
                <p>1、新建村级养老服务站6个，牵头单位：县民政局。截至9月底，已建成4个，完成年度任务的66.7%。</p>
              </div>
            </div>
            """,
            "",
            "关于2022年9月份民生实事推进情况的通报_通知公告_云溪县人民政府")));

        Assert.Equal(
            [
                "关于2022年9月份民生实事推进情况的通报",
                "各乡镇人民政府，县政府各部门：",
                "今年县政府确定的民生实事共8大类20项。截至9月底，已完成9项，按序时推进8项，滞后3项。",
                "1、新建村级养老服务站6个，牵头单位：县民政局。截至9月底，已建成4个，完成年度任务的66.7%。",
            ],
            lines);
    }

    [Fact]
    public void A_lead_set_just_before_the_article_container_is_its_first_paragraph()
    {
        // The 导语 mark itself is the rules' to remove (characters.line-bullet), not the reader's.
        var lines = Read(Utf8(Page(
            """
            <div class="detail">
              <h1>2023年民生实事项目进展情况</h1>
              <div class="news-lead">导语 今年确定的12件民生实事，截至6月底已完成5件。</div>
              <div id="zoom">
                <p>1、新建村级养老服务站6个，已建成4个。</p>
                <p>2、改造老旧小区30个，已开工21个，完成年度任务的70%。</p>
              </div>
            </div>
            """)));

        Assert.Equal(
            ["2023年民生实事项目进展情况", "导语 今年确定的12件民生实事，截至6月底已完成5件。", "1、新建村级养老服务站6个，已建成4个。", "2、改造老旧小区30个，已开工21个，完成年度任务的70%。"],
            lines);
    }

    [Fact]
    public void Publication_lines_inside_the_article_are_dropped_and_masthead_lines_kept()
    {
        var lines = Read(Utf8(Page("""
            <div class="article-content">
              <p>发布时间：2021-07-09 10:12:33</p>
              <p>2021-07-09 来源：县政府督查室 浏览次数：88</p>
              <p>【字体：大 中 小】【打印】【关闭】</p>
              <p>云溪督查</p><p>第 6 期</p><p>云溪县人民政府督查室　　2021年7月9日</p>
              <p>一是资金到位慢。</p>
              <p>上一篇：<a href="/1">关于2021年6月份民生实事推进情况的通报</a></p>
              <p>相关链接</p>
              <ul><li><a href="/2">2021年民生实事项目清单</a></li></ul>
              <p><a href="/3">分享到微信</a> <a href="/4">微博</a></p>
              <p>【我要打印】【关闭窗口】</p><p>扫一扫在手机打开当前页</p>
              <p>附件：</p><p><a href="/5.xls">2021年民生实事进展表.xls</a></p>
            </div>
            """)));

        Assert.Equal(["云溪督查", "第 6 期", "云溪县人民政府督查室　　2021年7月9日", "一是资金到位慢。"], lines);
    }

    [Fact]
    public void The_pages_publication_record_is_kept_as_metadata_wherever_it_stands()
    {
        var result = Reader.Read(Utf8(Page("""
            <div class="info">发布时间：2024-10-12 10:15&nbsp;&nbsp;来源：县民生办&nbsp;&nbsp;浏览次数：386</div>
            <div id="zoom" class="content"><p>截至9月底，48件民生实事已完成21件，滞后4件，完成率43.8%，全年计划投资12.6亿元。</p></div>
            """)));

        var metadata = Assert.Single(result.Document!.Paragraphs, p => p.IsPageMetadata);
        Assert.StartsWith("发布时间：2024-10-12 10:15", metadata.Text);
        Assert.Equal(metadata, result.Document.Paragraphs[0]);
        Assert.DoesNotContain(result.Document.Paragraphs.Skip(1), p => p.Text.Contains("浏览次数", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_inside_an_aspnet_form_keeps_its_article_and_loses_its_record_table()
    {
        // ASP.NET pages wrap everything in one <form>; open-government pages put a record
        // table (索引号, 信息分类 …) above the article.
        var lines = Read(Utf8(Page(
            """
            <form id="form1" method="post"><input type="hidden" name="__VIEWSTATE" value="x">
            <div class="head"><ul class="mainnav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li></ul></div>
            <div class="location">您当前的位置：<a href="/">首页</a> &gt;&gt; <a href="/tz">通知公告</a></div>
            <div class="main-content">
              <table class="xxgk_table">
                <tr><td>索引号：</td><td>11410000/2023-00123</td><td>信息分类：</td><td>督查通报</td></tr>
                <tr><td>发布机构：</td><td>区政府办</td><td>成文日期：</td><td>2023-07-06</td></tr>
                <tr><td>标题：</td><td colspan="3">临江区2023年民生实事上半年完成情况</td></tr>
              </table>
              <h1 class="arti_title">临江区2023年民生实事上半年完成情况</h1>
              <div class="TRS_Editor">
                <p>今年区政府承诺办理民生实事3大类7项。上半年，已完成2项。</p>
                <p>（一）新建小学2所</p><p>责任单位：区教育局</p><p>完成情况：上半年新增学位540个，较去年同期增长35.2%。</p>
              </div>
            </div>
            <div class="foot"><p>主办：临江区人民政府办公室 承办：临江区大数据中心</p><p>滇ICP备12345678号</p></div>
            </form>
            """,
            "",
            "临江区2023年民生实事上半年完成情况-临江区人民政府")));

        Assert.Equal(
            ["临江区2023年民生实事上半年完成情况", "今年区政府承诺办理民生实事3大类7项。上半年，已完成2项。", "（一）新建小学2所", "责任单位：区教育局", "完成情况：上半年新增学位540个，较去年同期增长35.2%。"],
            lines);
    }

    [Fact]
    public void Hidden_elements_scripts_and_styles_are_dropped()
    {
        var lines = Read(Utf8(Page("""
            <div class="content">
              <script>document.write("截至5月底");</script><style>p { color: red }</style>
              <p>1.新建公厕20座。</p>
              <p style="display: none">隐藏的重复正文，截至5月底已建成20座。</p>
              <div hidden>另一段隐藏文字，共有12个项目。</div>
              <span style="VISIBILITY:hidden">看不见的字</span>
              <p>主要责任部门：县城管局</p>
              <noscript>请开启浏览器脚本</noscript>
            </div>
            """)));

        Assert.Equal(["1.新建公厕20座。", "主要责任部门：县城管局"], lines);
    }

    // ---- bad input ----

    public static TheoryData<string, string> PagesWithoutArticle() => new()
    {
        { "navigation only", $"<html><body><div class=\"menu\"><ul>{Links(40)}</ul></div><div class=\"footer\">版权所有：云溪县人民政府 ICP备05001234号</div></body></html>" },
        { "empty body", "<html><head><title>通报</title></head><body>  \n </body></html>" },
        { "only markup", "<html><body><div><p><span></span></p><table><tr><td></td></tr></table></div></body></html>" },
        { "only scripts", "<html><body><script>var a = '截至5月底，全市新增城镇就业19572人';</script></body></html>" },
        { "frameset", "<html><frameset cols=\"20%,80%\"><frame src=\"menu.html\"><frame src=\"article.html\"></frameset></html>" },
    };

    [Theory]
    [MemberData(nameof(PagesWithoutArticle))]
    public void A_page_without_article_text_fails_with_a_reason(string description, string html)
    {
        var result = Reader.Read(Utf8(html));

        Assert.False(result.Succeeded, description);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.DoesNotContain('\n', result.Error);
    }

    [Fact]
    public void The_no_article_failure_says_so()
    {
        var result = Reader.Read(Utf8($"<html><body><nav>{Links(30)}</nav><ul>{Links(30)}</ul></body></html>"));

        Assert.Equal("no article text found (only navigation, links or page furniture)", result.Error);
    }

    [Fact]
    public void Malformed_and_deeply_nested_markup_is_read_without_an_exception()
    {
        // A stray <td> is ignored as browsers ignore it; the unterminated tag at the end is dropped.
        var malformed = "<html><body><div><p>1.新建公厕20座。<td><b><i>主要责任部门：县城管局</b></i></table></div></span><p>进展情况：已建成\0\u000112座。<p class=\"x";
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 3000)) + "<p>1.新建公厕20座，已建成12座。</p></body></html>";

        Assert.Equal(["1.新建公厕20座。主要责任部门：县城管局", "进展情况：已建成12座。"], Read(Utf8(malformed)));
        Assert.Equal(["1.新建公厕20座，已建成12座。"], Read(Utf8(deep)));
    }

    [Fact]
    public void An_html_file_is_routed_to_this_reader_by_its_content()
    {
        var result = DocumentReaders.For(TestPaths.RuleBook.Common).Read(File.ReadAllBytes(TestPaths.CorpusFile(SeedHtml)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(SourceFormat.Html, result.Document!.Format);
        Assert.All(result.Document.Paragraphs, p => Assert.Equal(p.Text.Trim(), p.Text));
        Assert.All(result.Document.Paragraphs, p => Assert.NotEmpty(p.Text));
    }

    private static List<string> ReadFile(string name) => Read(File.ReadAllBytes(TestPaths.CorpusFile(name)));

    /// <summary>The text of the bulletin as the page gives it; the page's own publication record is metadata beside it.</summary>
    private static List<string> Read(byte[] content)
    {
        var result = Reader.Read(content);
        Assert.True(result.Succeeded, result.Error);
        return [.. result.Document!.Paragraphs.Where(p => !p.IsPageMetadata).Select(p => p.Text)];
    }

    private static string Page(string body, string head = "", string title = "") =>
        $"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>{body}</body></html>";

    private static string Links(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<li><a href=\"/column/{i}.html\">栏目链接第{i}项政务信息</a></li>"));

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] Gb(string text) => TextDecoder.Gb18030.GetBytes(text);

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
