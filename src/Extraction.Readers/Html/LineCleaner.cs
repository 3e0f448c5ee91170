using System.Net;
using System.Text.RegularExpressions;

namespace Extraction.Readers.Html;

/// <summary>
/// Mends and sorts the lines of an article: markup that CMS double-escaping left in the text
/// is undone, and lines that belong to the web page rather than the bulletin are dropped —
/// lines that are mostly links, lines without a letter or digit, and the furniture lines of
/// the rules (publication record, share bars, previous/next links, site footers).
/// </summary>
internal static partial class LineCleaner
{
    /// <summary>A line that is mostly link text is navigation (related articles, attachments, previous/next).</summary>
    private const double MaxLinkDensity = 0.6;

    public static IEnumerable<string> Clean(IEnumerable<HtmlLine> lines, Func<string, bool> isFurniture)
    {
        foreach (var line in lines)
        {
            if (line.LinkDensity >= MaxLinkDensity)
            {
                continue;
            }

            foreach (var piece in Mend(line.Text))
            {
                if (TextStats.CountContent(piece) > 0 && !isFurniture(piece))
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

    [GeneratedRegex("&nbsp(?!;)")]
    private static partial Regex BareNbsp();

    [GeneratedRegex("<!--.*?(?:-->|$)")]
    private static partial Regex LiteralComment();

    [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/?\s*(?:p|div)(?:\s[^<>]*)?/?>|(?<![A-Za-z<])br\s*/?>|(?<![A-Za-z<])/?p\s+(?:class|style|align)\s*=[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralBreak();

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z][A-Za-z0-9]{0,9}(?::[A-Za-z0-9]+)?(?:\s[^<>]*)?/?\s*>")]
    private static partial Regex LiteralTag();
}
