using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>What the tags, ids and class names of a page say about its parts.</summary>
internal static partial class HtmlVocabulary
{
    /// <summary>Never text of the page: code, embedded objects, form controls, ruby glosses (縣(xiàn)).</summary>
    public static readonly HashSet<string> JunkTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "canvas", "video", "audio", "map", "button", "select", "input", "textarea", "option", "datalist", "link", "meta",
        "title", "head", "base", "rt", "rp",
    };

    /// <summary>
    /// Elements that start a new line. Everything else is inline and joins the text around it.
    /// </summary>
    public static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "section", "article", "header",
        "footer", "main", "nav", "aside", "blockquote", "center", "address", "figure", "figcaption", "pre", "form", "fieldset",
        "legend", "details", "summary", "hgroup", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "hr", "br",
        "menu", "dir", "body", "html",
    };

    /// <summary>Blocks that are one paragraph of text: the content locator never descends into them.</summary>
    public static readonly HashSet<string> ParagraphTags = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "address", "caption", "figcaption", "summary", "legend",
    };

    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    /// <summary>True for ids and classes that name a page's article (TRS_Editor, Custom_UnionStyle, zoom, content …).</summary>
    public static bool IsContentContainer(IElement element) =>
        element.LocalName is "article" or "main"
        || string.Equals(element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)
        || Names(element).Any(n => ContentName().IsMatch(n));

    /// <summary>True for ids and classes of site furniture: navigation, breadcrumbs, share bars, related links, footers.</summary>
    public static bool IsFurnitureName(IElement element) =>
        Names(element).Any(n => FurnitureSubstring().IsMatch(n) || NameTokens().Split(n).Any(FurnitureTokens.Contains));

    /// <summary>True for headings and elements whose id or class names a title.</summary>
    public static bool IsTitleLike(IElement element) =>
        element.LocalName is "h1" or "h2" or "h3"
        || Names(element).Any(n => NameTokens().Split(n).Any(t => t is "title" or "tit" or "bt" or "biaoti" || t.EndsWith("title", StringComparison.Ordinal)));

    /// <summary>Hidden by the hidden attribute, aria-hidden or an inline style.</summary>
    public static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    private static readonly HashSet<string> FurnitureTokens = new(StringComparer.Ordinal)
    {
        "top", "topbar", "foot", "side", "tool", "tools", "print", "prev", "next", "pager",
        "position", "location", "weizhi", "comment", "comments", "search", "login", "logo", "banner", "ad", "ads", "weather",
        "links", "friendlink", "qrcode", "ewm", "fontsize", "zihao",
    };

    private static IEnumerable<string> Names(IElement element)
    {
        if (!string.IsNullOrEmpty(element.Id))
        {
            yield return element.Id.ToLowerInvariant();
        }

        foreach (var name in element.ClassList)
        {
            yield return name.ToLowerInvariant();
        }
    }

    [GeneratedRegex("content|article|zoom|trs_editor|custom_unionstyle|detail|text|main|zhengwen|wenzhang|neirong|artibody|newsbody|^con$|^cont$")]
    private static partial Regex ContentName();

    // dqwz 当前位置, xgwz 相关文章, xglj 相关链接, fenxiang 分享: pinyin initials are common in Chinese CMS templates.
    [GeneratedRegex("nav|menu|breadcrumb|crumb|footer|copyright|share|sidebar|related|fenxiang|dqwz|xgwz|xglj|xgxw|pagination|prevnext|toolbar")]
    private static partial Regex FurnitureSubstring();

    [GeneratedRegex("[-_\\s]+")]
    private static partial Regex NameTokens();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
