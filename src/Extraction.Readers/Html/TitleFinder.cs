using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>
/// Finds the article's headline when the CMS prints it above the article container rather
/// than inside it (an h1 beside the TRS_Editor div): most web bulletins have no masthead,
/// only this headline, which carries the title and the programme year.
/// </summary>
internal static class TitleFinder
{
    private const int MinChars = 8;
    private const int MaxChars = 120;

    /// <summary>How many ancestors of the article are searched for a preceding headline.</summary>
    private const int MaxLevels = 4;

    /// <summary>An unconfirmed headline is taken only this close to the article.</summary>
    private const int MaxUnconfirmedLevels = 2;

    /// <summary>
    /// The closest headline before the article: one whose text the page's &lt;title&gt;
    /// repeats, else the closest h1–h3 or element with a title class near the article.
    /// </summary>
    public static string? Find(IElement article, IElement body, TextStats stats, string? pageTitle, PageNames names)
    {
        var confirmedBy = Squeeze(pageTitle ?? "");
        string? unconfirmed = null;
        var node = article;
        for (var level = 0; level < MaxLevels && node != body && node.ParentElement is { } parent; level++, node = parent)
        {
            for (var sibling = node.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
            {
                foreach (var candidate in sibling.QuerySelectorAll("*").Reverse().Append(sibling))
                {
                    if (!IsCandidate(candidate, stats, names))
                    {
                        continue;
                    }

                    var text = BlockFlattener.FlattenToOneLine(candidate);
                    if (confirmedBy.Length > 0 && confirmedBy.Contains(Squeeze(text), StringComparison.Ordinal))
                    {
                        return text;
                    }

                    if (unconfirmed is null && level < MaxUnconfirmedLevels && names.IsTitleLike(candidate))
                    {
                        unconfirmed = text;
                    }
                }
            }
        }

        return unconfirmed;
    }

    /// <summary>Text without any whitespace, for comparing titles however they are spaced.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsCandidate(IElement e, TextStats stats, PageNames names)
    {
        var chars = stats.Text(e);
        return chars is >= MinChars and <= MaxChars && stats.LinkDensity(e) < 0.5 && (HtmlVocabulary.IsBlock(e) || names.IsTitleLike(e));
    }
}
