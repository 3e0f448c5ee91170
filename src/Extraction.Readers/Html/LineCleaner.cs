using System.Net;
using System.Text.RegularExpressions;

namespace Extraction.Readers.Html;

/// <summary>
/// Mends and sorts the lines of an article: markup that CMS double-escaping left in the text
/// is undone, and lines that belong to the web page rather than the bulletin (publication
/// metadata, share bars, previous/next links, related links, site footers) are dropped.
/// The bulletin's own masthead lines (series, issue, issuer, date) look like none of these.
/// </summary>
internal static partial class LineCleaner
{
    /// <summary>A line that is mostly link text is navigation (related articles, attachments, previous/next).</summary>
    private const double MaxLinkDensity = 0.6;

    public static IEnumerable<string> Clean(IEnumerable<HtmlLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.LinkDensity >= MaxLinkDensity)
            {
                continue;
            }

            foreach (var piece in Mend(line.Text))
            {
                if (!IsFurniture(piece))
                {
                    yield return piece;
                }
            }
        }
    }

    /// <summary>
    /// Undoes markup residue (field guide §9): entities escaped twice ("&amp;nbsp;"), and tags
    /// escaped into the text ("&lt;p class=…&gt;", "br /&gt;" whose "&lt;" was lost). A
    /// paragraph or line-break tag still ends a paragraph; any other tag is removed.
    /// </summary>
    public static IEnumerable<string> Mend(string text)
    {
        if (text.Contains('&'))
        {
            text = WebUtility.HtmlDecode(BareNbsp().Replace(text, "&nbsp;"));
        }

        if (text.Contains('<') || text.Contains('>'))
        {
            text = LiteralComment().Replace(text, "");
            text = LiteralBreak().Replace(text, "\n");
            text = LiteralTag().Replace(text, "");
        }

        foreach (var piece in text.Split('\n'))
        {
            var mended = InlineText.Normalize(piece);
            if (mended.Length > 0)
            {
                yield return mended;
            }
        }
    }

    public static bool IsFurniture(string line) =>
        TextStats.CountContent(line) == 0
        || MetadataLine().IsMatch(line)
        || MetadataKeys().Count(line) >= 2
        || TimestampLine().IsMatch(line)
        || PreviousNext().IsMatch(line)
        || RelatedHeading().IsMatch(line)
        || SiteFooter().IsMatch(line)
        || IsPageTools(line);

    /// <summary>True for share and print bars: tool words and at most a stray word or two besides.</summary>
    private static bool IsPageTools(string line)
    {
        var rest = PageTools().Replace(line, "");
        return rest.Length < line.Length && TextStats.CountContent(rest) <= 2;
    }

    [GeneratedRegex("&nbsp(?!;)")]
    private static partial Regex BareNbsp();

    [GeneratedRegex("<!--.*?(?:-->|$)")]
    private static partial Regex LiteralComment();

    [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/?\s*(?:p|div)(?:\s[^<>]*)?/?>|(?<![A-Za-z<])br\s*/?>|(?<![A-Za-z<])/?p\s+(?:class|style|align)\s*=[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralBreak();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z][A-Za-z0-9]{0,9}(?::[A-Za-z0-9]+)?(?:\s[^<>]*)?/?\s*>")]
    private static partial Regex LiteralTag();

    // A line that opens with a label of the web page's publication record.
    [GeneratedRegex(@"^[【\[(（]?\s*(?:发布时间|发布日期|发表时间|更新时间|时间|日期|发布机构|发布者|发布人|信息来源|文章来源|稿件来源|消息来源|来源|作者|撰稿|供稿|摄影|编辑|责任编辑|编审|审核|校对|浏览次数|浏览量|访问次数|访问量|阅读次数|阅读量|阅读|点击次数|点击数|点击量|点击|字号|字体|分享到|分享|当前位置|您的位置|您现在的位置|您当前的位置|所在位置|位置|索引号|信息分类|主题分类|体裁分类|发文机关|成文日期|生成日期|发文字号|公开方式|公开范围|有效性|关键词|关键字|标\s*题)\s*[:：]")]
    private static partial Regex MetadataLine();

    [GeneratedRegex(@"(?:发布|来源|作者|编辑|浏览|阅读|点击|访问|字号|字体)\S{0,3}\s*[:：]")]
    private static partial Regex MetadataKeys();

    // The page's publication stamp; a bulletin writes its own date with 年月日.
    [GeneratedRegex(@"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")]
    private static partial Regex TimestampLine();

    [GeneratedRegex(@"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)")]
    private static partial Regex PreviousNext();

    // Headings of link lists; their links go as link-dense lines.
    [GeneratedRegex(@"^(?:相关(?:链接|文章|阅读|新闻|信息|文件|附件|稿件|报道|推荐|专题)|延伸阅读|推荐阅读|热点推荐|热门文章|猜你喜欢|友情链接|附件|附件下载)\s*[:：]?\s*$")]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"ICP备|ICP证|公网安备|网站标识码|网站识别码|版权所有|Copyright|©|技术支持\s*[:：]|分辨率|^网站地图|^联系我们|^联系电话\s*[:：]|^主办\S{0,3}\s*[:：].*承办", RegexOptions.IgnoreCase)]
    private static partial Regex SiteFooter();

    // Share and print bars: 【打印本页】【关闭窗口】, 字号：大 中 小, 分享到: ….
    [GeneratedRegex(@"我要打印|打印本页|打印此页|打印本文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回列表|返回|收藏本页|加入收藏|收藏|分享到|分享|我要纠错|纠错|复制链接|微信扫一扫|扫一扫|手机扫码|在手机上?打开|当前页|微信|微博|QQ空间|[【\[(（]?\s*大\s*中\s*小\s*[】\])）]?")]
    private static partial Regex PageTools();
}
