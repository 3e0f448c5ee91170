using AngleSharp.Dom;
using Extraction.Rules;

namespace Extraction.Readers.Html;

/// <summary>What the ids and class names of a page's elements say about them, by the rules of web.yaml.</summary>
internal sealed class PageNames(PageRules rules)
{
    /// <summary>True for the page's article: article and main elements, role=main, and ids and classes named so (TRS_Editor, zoom, content …).</summary>
    public bool IsContentContainer(IElement element) =>
        element.LocalName is "article" or "main"
        || string.Equals(element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)
        || Names(element).Any(rules.ContentNames.Pattern.IsMatch);

    /// <summary>True for ids and classes of site furniture: navigation, breadcrumbs, share bars, related links, footers.</summary>
    public bool IsFurnitureName(IElement element) => Names(element).Any(rules.FurnitureNames.Pattern.IsMatch);

    /// <summary>True for headings and elements whose id or class names a title.</summary>
    public bool IsTitleLike(IElement element) =>
        element.LocalName is "h1" or "h2" or "h3" || Names(element).Any(rules.TitleNames.Pattern.IsMatch);

    /// <summary>True for a news page's lead (导语, summary): its ids and classes name it so.</summary>
    public bool IsLead(IElement element) => rules.LeadNames is { } lead && Names(element).Any(lead.Pattern.IsMatch);

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
}
