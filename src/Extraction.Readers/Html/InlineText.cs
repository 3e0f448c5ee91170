using System.Text;

namespace Extraction.Readers.Html;

/// <summary>Whitespace as a browser renders it, for Chinese text.</summary>
internal static class InlineText
{
    /// <summary>
    /// Collapses runs of HTML whitespace to one space, as a browser does, except that a line
    /// break between two Chinese characters disappears (CSS Text 3, segment break
    /// transformation): CMS editors wrap long Chinese lines in the source ("60万平\n方米").
    /// No-break spaces become spaces; control and zero-width characters and soft hyphens go.
    /// </summary>
    public static string Normalize(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (IsHtmlSpace(c))
            {
                var start = i;
                var hasBreak = false;
                while (i < raw.Length && IsHtmlSpace(raw[i]))
                {
                    hasBreak |= raw[i] is '\n' or '\r';
                    i++;
                }

                var before = sb.Length > 0 ? sb[^1] : ' ';
                var after = i < raw.Length ? raw[i] : ' ';
                if (!(hasBreak && IsWide(before) && IsWide(after)) && start > 0 && i < raw.Length)
                {
                    sb.Append(' ');
                }

                continue;
            }

            if (c is '\u00A0')
            {
                sb.Append(' ');
            }
            else if (!char.IsControl(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'))
            {
                sb.Append(c);
            }

            i++;
        }

        return sb.ToString().Trim(' ', '\u3000', '\t');
    }

    /// <summary>Joins the lines of one table cell: no space inside Chinese text, one between Latin words.</summary>
    public static string JoinFragments(IEnumerable<string> fragments)
    {
        var sb = new StringBuilder();
        foreach (var f in fragments)
        {
            if (f.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(f[0]))
            {
                sb.Append(' ');
            }

            sb.Append(f);
        }

        return sb.ToString();
    }

    /// <summary>Chinese characters and the punctuation set among them.</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u2014' and <= '\u2026';

    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
