using System.Text.RegularExpressions;
using Extraction.Model;

namespace Extraction.Rules;

/// <summary>
/// Repairs the label that opens a recognised paragraph when OCR misread one of its characters
/// (主要责任部广, 进展情祝) or read a speck before it as one (本进展情况): the opening, up to a
/// colon-like mark (<paramref name="follows"/>), is a label the paragraph rules know with one
/// character changed or one character more in front. The vocabulary is the rules' own: the
/// words the patterns of the given roles open with. Only labels of
/// <paramref name="minLength"/> characters or more are repaired (of two, one is a guess), and
/// only when every label so close has the same role: the label's words are not kept, only
/// what it says the paragraph is. Openings that are words of their own (<paramref name="keep"/>:
/// 总体情况 is one character from 具体情况) stay.
/// </summary>
public sealed class OcrLabelRepair(IReadOnlyList<(string Label, string Role)> labels, Regex follows, int minLength, IReadOnlySet<string> keep)
{
    private readonly HashSet<string> known = [.. labels.Select(l => l.Label)];
    private readonly int[] lengths = [.. labels.Select(l => l.Label.Length).Where(n => n >= minLength).SelectMany(n => new[] { n, n + 1 }).Distinct().Order()];

    public IReadOnlyList<(string Label, string Role)> Labels => labels;

    /// <summary>The label the text opens with, repaired; null when there is nothing to repair.</summary>
    public string? Repaired(string text)
    {
        foreach (var length in lengths)
        {
            if (length >= text.Length || !follows.IsMatch(text[length..]))
            {
                continue;
            }

            var head = text[..length];
            if (known.Contains(head) || keep.Contains(head) || !head.All(Han.IsIdeograph))
            {
                return null; // a label as written, or words of their own
            }

            var close = labels.Where(l => l.Label.Length >= minLength && IsOneOff(head, l.Label)).ToList();
            if (close.Count > 0 && close.All(l => l.Role == close[0].Role))
            {
                return close[0].Label + text[length..];
            }
        }

        return null;
    }

    public string Apply(string text) => Repaired(text) ?? text;

    // One character changed, or one more in front (a speck read as a character).
    private static bool IsOneOff(string head, string label) =>
        head.Length == label.Length ? head.Zip(label).Count(p => p.First != p.Second) == 1
        : head.Length == label.Length + 1 && head.AsSpan(1).SequenceEqual(label);


    /// <summary>
    /// The words a paragraph pattern opens with: <c>^(?:主要责任部门|责任单位|…)</c> or
    /// <c>^进展情况</c>; alternatives that are not plain Chinese words are left out.
    /// </summary>
    public static IEnumerable<string> OpeningWords(string pattern)
    {
        var s = pattern.StartsWith('^') ? pattern[1..] : pattern;
        if (!s.StartsWith("(?:", StringComparison.Ordinal))
        {
            var word = new string([.. s.TakeWhile(Han.IsIdeograph)]);
            return word.Length > 0 && (word.Length == s.Length || !"*?{+|".Contains(s[word.Length])) ? [word] : [];
        }

        var depth = 0;
        var parts = new List<string>();
        var start = 3;
        for (var i = 3; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ']' || (c is ')' && depth > 0))
            {
                depth--;
            }
            else if (c == ')' || (c == '|' && depth == 0))
            {
                parts.Add(s[start..i]);
                start = i + 1;
                if (c == ')')
                {
                    var quantified = i + 1 < s.Length && "*?{+".Contains(s[i + 1]);
                    return quantified ? [] : parts.Where(p => p.Length > 0 && p.All(Han.IsIdeograph));
                }
            }
        }

        return [];
    }
}
