using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>
/// Matches the words of a group of <see cref="WordRule"/>s before or after a position;
/// when several match, the longest wins (不低于 over 低于).
/// </summary>
internal sealed class WordMatcher
{
    private readonly (string Word, WordRule Rule)[] words;

    public WordMatcher(IEnumerable<WordRule> rules)
    {
        words = [.. rules.SelectMany(r => r.Words.Select(w => (Word: w, Rule: r))).OrderByDescending(x => x.Word.Length)];
    }

    /// <summary>The word that ends exactly at <paramref name="end"/>.</summary>
    public (string Word, WordRule Rule)? EndingAt(string text, int end, string? reach = null)
    {
        var before = text.AsSpan(0, end);
        foreach (var entry in words)
        {
            if ((reach is null || entry.Rule.Reach == reach)
                && before.EndsWith(entry.Word, StringComparison.Ordinal)
                && !PrecededByExcluded(before[..^entry.Word.Length], entry.Rule))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The word that starts exactly at <paramref name="start"/>.</summary>
    public (string Word, WordRule Rule)? StartingAt(string text, int start)
    {
        var after = text.AsSpan(start);
        foreach (var entry in words)
        {
            if (after.StartsWith(entry.Word, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The last word of the given reach anywhere in <c>text[from..to)</c>.</summary>
    public (string Word, WordRule Rule)? LastWithin(string text, int from, int to, string reach)
    {
        (string Word, WordRule Rule)? best = null;
        var bestEnd = -1;
        var window = text.AsSpan(from, to - from);
        foreach (var entry in words)
        {
            if (entry.Rule.Reach != reach)
            {
                continue;
            }

            var at = window.LastIndexOf(entry.Word, StringComparison.Ordinal);
            if (at >= 0 && at + entry.Word.Length > bestEnd && !PrecededByExcluded(window[..at], entry.Rule))
            {
                best = entry;
                bestEnd = at + entry.Word.Length;
            }
        }

        return best;
    }

    private static bool PrecededByExcluded(ReadOnlySpan<char> before, WordRule rule)
    {
        foreach (var excluded in rule.NotAfter)
        {
            if (before.EndsWith(excluded, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
