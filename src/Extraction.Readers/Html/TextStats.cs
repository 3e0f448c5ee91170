using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>
/// How much text each element holds, outside and inside links. Counted characters are
/// letters and digits (every Chinese character is a letter), so spaces, punctuation and
/// markup weigh nothing.
/// </summary>
internal sealed class TextStats
{
    private readonly Dictionary<IElement, (int Text, int Link)> counts = new(ReferenceEqualityComparer.Instance);

    private TextStats()
    {
    }

    /// <summary>
    /// Counts every element under root. Recursion is safe: AngleSharp nests elements at most
    /// 512 deep (HtmlParserOptions.DefaultMaximumDepth) and attaches deeper ones as siblings.
    /// </summary>
    public static TextStats Measure(IElement root)
    {
        var stats = new TextStats();
        stats.Visit(root, inLink: false);
        return stats;
    }

    /// <summary>Letters and digits outside links.</summary>
    public int Text(IElement element) => counts.TryGetValue(element, out var c) ? c.Text : 0;

    /// <summary>Letters and digits inside links.</summary>
    public int Link(IElement element) => counts.TryGetValue(element, out var c) ? c.Link : 0;

    /// <summary>The share of an element's text that is link text; 1 for an element without text.</summary>
    public double LinkDensity(IElement element)
    {
        var (text, link) = counts.TryGetValue(element, out var c) ? c : (0, 0);
        return text + link == 0 ? 1 : (double)link / (text + link);
    }

    public static int CountContent(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                n++;
            }
        }

        return n;
    }

    private (int Text, int Link) Visit(IElement element, bool inLink)
    {
        inLink |= element.LocalName == "a";
        int text = 0, link = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement e)
            {
                var (t, l) = Visit(e, inLink);
                text += t;
                link += l;
            }
            else if (child is IText t)
            {
                var n = CountContent(t.Data);
                if (inLink)
                {
                    link += n;
                }
                else
                {
                    text += n;
                }
            }
        }

        counts[element] = (text, link);
        return (text, link);
    }
}
