using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>
/// Finds the element that holds a page's article. First a container the CMS names as
/// content (article, main, TRS_Editor, Custom_UnionStyle, zoom, content, detail …) that
/// holds a good share of the page's text outside links; a named container nested in it that
/// keeps most of that text is preferred, since wrappers called "main" or "content" often
/// hold a side bar too. Without one, the body. From there it descends while a single child
/// block holds nearly all the text outside links, so navigation, link lists and footers,
/// which are mostly links or little text, fall away.
/// </summary>
internal static class ContentLocator
{
    /// <summary>A named container must hold this share of the page's text outside links …</summary>
    private const double MinContainerShare = 0.4;

    /// <summary>… and be no more than this share links.</summary>
    private const double MaxContainerLinkDensity = 0.5;

    /// <summary>A named container inside another is preferred when it keeps this share of the outer one's score.</summary>
    private const double NestedContainerShare = 0.7;

    /// <summary>The locator descends into a child block holding this share of the text outside links.</summary>
    private const double DescendShare = 0.8;

    public static IElement Locate(IElement body, TextStats stats, PageNames names) => Descend(NamedContainer(body, stats, names) ?? body, stats);

    private static IElement? NamedContainer(IElement body, TextStats stats, PageNames names)
    {
        var pageText = stats.Text(body);
        if (pageText == 0)
        {
            return null;
        }

        var candidates = body.QuerySelectorAll("*")
            .Where(e => names.IsContentContainer(e) && stats.Text(e) >= MinContainerShare * pageText && stats.LinkDensity(e) <= MaxContainerLinkDensity)
            .ToList();
        double Score(IElement e) => stats.Text(e) * (1 - stats.LinkDensity(e));

        var best = candidates.MaxBy(Score);
        while (best is not null)
        {
            var outer = best;
            var inner = candidates.Where(c => c != outer && outer.Contains(c) && Score(c) >= NestedContainerShare * Score(outer)).MaxBy(Score);
            if (inner is null)
            {
                break;
            }

            best = inner;
        }

        return best;
    }

    private static IElement Descend(IElement element, TextStats stats)
    {
        while (true)
        {
            var total = stats.Text(element);
            var next = Children(element).FirstOrDefault(c => stats.Text(c) >= DescendShare * total);
            if (total == 0 || next is null || !IsContainer(next))
            {
                return element;
            }

            element = next;
        }
    }

    /// <summary>The child blocks of an element; a layout table's children are its cells.</summary>
    private static IEnumerable<IElement> Children(IElement element) =>
        element.LocalName == "table" ? Tables.Rows(element).SelectMany(Tables.Cells) : element.Children;

    /// <summary>
    /// True for an element made of blocks. A paragraph, a data table or an element holding
    /// only inline text and line breaks is one unit of the article: descending into it would
    /// lose the paragraphs beside it.
    /// </summary>
    private static bool IsContainer(IElement element)
    {
        if (HtmlVocabulary.ParagraphTags.Contains(element.LocalName))
        {
            return false;
        }

        if (element.LocalName == "table")
        {
            return !Tables.IsDataTable(element);
        }

        return element.Children.Any(c => c.LocalName != "br" && (HtmlVocabulary.IsBlock(c) || c.LocalName == "table"));
    }
}
