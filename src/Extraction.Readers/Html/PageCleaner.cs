using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>Removes from a page what is never article text, then what is site furniture.</summary>
internal static class PageCleaner
{
    /// <summary>Furniture is removed only when small or made of links, so a mislabelled article survives.</summary>
    private const double MaxFurnitureShare = 0.3;

    /// <summary>Scripts, styles, embedded objects, form controls and hidden elements.</summary>
    public static void RemoveJunk(IElement root)
    {
        var doomed = new List<IElement>();
        Collect(root, e => HtmlVocabulary.JunkTags.Contains(e.LocalName) || HtmlVocabulary.IsHidden(e), doomed);
        doomed.ForEach(e => e.Remove());
    }

    /// <summary>
    /// Navigation, page headers and footers, side bars, breadcrumbs, share bars and related
    /// links, known by tag (nav, aside, footer, header outside the article) or by id/class.
    /// A form is kept: ASP.NET pages wrap the whole page, article included, in one.
    /// </summary>
    public static void RemoveFurniture(IElement body, TextStats stats, PageNames names)
    {
        var pageText = Math.Max(1, stats.Text(body));
        var doomed = new List<IElement>();
        Collect(body, e => e != body && IsFurniture(e, names) && (stats.LinkDensity(e) >= 0.5 || stats.Text(e) <= MaxFurnitureShare * pageText), doomed);
        doomed.ForEach(e => e.Remove());
    }

    private static bool IsFurniture(IElement e, PageNames names) => e.LocalName switch
    {
        "nav" or "aside" or "footer" or "menu" => true,

        // An article's own header holds its title; the page's header holds the site name.
        "header" => e.Closest("article, main") is null,
        _ => names.IsFurnitureName(e),
    };

    /// <summary>Adds the outermost elements under root that match; their descendants go with them.</summary>
    private static void Collect(IElement root, Func<IElement, bool> matches, List<IElement> found)
    {
        foreach (var child in root.Children)
        {
            if (matches(child))
            {
                found.Add(child);
            }
            else
            {
                Collect(child, matches, found);
            }
        }
    }
}
