using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>What the tags of a page say about its parts (HTML's own meaning; how a CMS names its elements is in rules/common/web.yaml).</summary>
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

    /// <summary>Hidden by the hidden attribute, aria-hidden or an inline style.</summary>
    public static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
