using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Readers.Html;

/// <summary>
/// Drops the tags of elements nested deeper than any real page nests them, keeping their
/// text. An HTML parser checks the open elements at every tag, so 100 000 nested &lt;div&gt;s cost
/// it minutes; a bulletin's article is never more than a few dozen levels deep.
/// </summary>
internal static partial class NestingLimiter
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static string Limit(string html)
    {
        var tags = Tag().Matches(html);
        if (tags.Count < MaxDepth)
        {
            return html;
        }

        var open = new Stack<(string Name, bool Kept)>();

        // How many of each element are open: a close tag with none open is checked in constant
        // time, not by a scan of the stack (100 000 stray </span>s would cost it billions).
        var openCount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var result = new StringBuilder(html.Length);
        var copied = 0;
        var dropped = false;
        foreach (Match tag in tags)
        {
            var name = tag.Groups["name"].Value;
            bool keep;
            if (tag.Groups["close"].Success)
            {
                keep = true;
                if (openCount.GetValueOrDefault(name) > 0)
                {
                    (string Name, bool Kept) top;
                    do
                    {
                        top = open.Pop();
                        openCount[top.Name]--;
                    }
                    while (!top.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                    keep = top.Kept;
                }
            }
            else if (tag.Groups["self"].Success || VoidElements.Contains(name))
            {
                keep = true;
            }
            else
            {
                keep = open.Count < MaxDepth;
                open.Push((name, keep));
                openCount[name] = openCount.GetValueOrDefault(name) + 1;
            }

            if (!keep)
            {
                result.Append(html, copied, tag.Index - copied);
                copied = tag.Index + tag.Length;
                dropped = true;
            }
        }

        return dropped ? result.Append(html, copied, html.Length - copied).ToString() : html;
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9:-]*)\b[^<>]*?(?<self>/)?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
