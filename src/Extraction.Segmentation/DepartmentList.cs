using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Splits a written list of units into names (rules: department_separator): at its
/// separators, except inside brackets (各县（市、区）is one unit), and never before a part that
/// names no unit by itself (清丰县党委、政府).
/// </summary>
public static class DepartmentList
{
    public static IReadOnlyList<(int Start, int Length)> Split(SeparatorRule rule, string text)
    {
        var parts = new List<(int Start, int Length)>();
        var depth = 0;
        var start = 0;
        var scanned = 0;
        foreach (System.Text.RegularExpressions.Match m in rule.Pattern.Matches(text))
        {
            for (; scanned < m.Index; scanned++)
            {
                depth = Math.Max(0, depth + (text[scanned] is '（' or '(' ? 1 : text[scanned] is '）' or ')' ? -1 : 0));
            }

            if (depth == 0)
            {
                parts.Add((start, m.Index - start));
                start = m.Index + m.Length;
            }
        }

        parts.Add((start, text.Length - start));
        for (var i = parts.Count - 1; i > 0; i--)
        {
            if (rule.NeedsOwner?.IsMatch(Trimmed(text, parts[i])) == true && Trimmed(text, parts[i - 1]).Length > 0)
            {
                parts[i - 1] = (parts[i - 1].Start, parts[i].Start + parts[i].Length - parts[i - 1].Start);
                parts.RemoveAt(i);
            }
        }

        return parts;
    }

    /// <summary>The names of a list, trimmed of the punctuation that ends it and of a role word, empty ones left out.</summary>
    public static IEnumerable<string> Names(SeparatorRule rule, string text) =>
        Split(rule, text).Select(p => WithoutRole(rule, Trimmed(text, p)).Name).Where(n => n.Length > 0);

    /// <summary>A name without the role word after it (区财政局配合 → 区财政局, partner), and whether that word names a partner.</summary>
    public static (string Name, bool Partner) WithoutRole(SeparatorRule rule, string name)
    {
        if (rule.RoleMark?.Match(name) is { Success: true } mark && mark.Index > 1)
        {
            return (name[..mark.Index], mark.Groups["partner"].Success);
        }

        return (name, false);
    }

    /// <summary>A short piece that does not end like a unit (市人力资源): the layout broke a name there.</summary>
    public static bool IsBrokenName(SeparatorRule rule, string name) =>
        rule.UnitEnding is not null && name.Length is > 1 and <= MaxBrokenPiece && name.AsSpan().IndexOfAny("()（）“”\"") < 0 && !EndsLikeUnit(rule, name);

    /// <summary>Whether a name ends as a unit's does, a bracketed remark after it aside (各县（市、区）, 区教体局(代建)).</summary>
    public static bool EndsLikeUnit(SeparatorRule rule, string name)
    {
        var bare = name.TrimEnd();
        if (bare.Length > 0 && bare[^1] is '）' or ')')
        {
            var open = bare.LastIndexOfAny(['（', '(']);
            bare = open > 0 ? bare[..open] : bare;
        }

        return rule.UnitEnding?.IsMatch(bare) == true;
    }

    private const int MaxBrokenPiece = 8;

    internal static string Trimmed(string text, (int Start, int Length) part) =>
        text.Substring(part.Start, part.Length).Trim().TrimEnd('。', '.', '；', ';', '，', ',');
}
