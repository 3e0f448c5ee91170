using System.Buffers;
using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>
/// Matches the words of a group of <see cref="WordRule"/>s before or after a position;
/// when several match, the longest wins (不低于 over 低于). Words are indexed by their first
/// and last character, so a position that no word can touch costs one lookup.
/// </summary>
internal sealed class WordMatcher
{
    private readonly Dictionary<char, (string Word, WordRule Rule)[]> byFirst;
    private readonly Dictionary<char, (string Word, WordRule Rule)[]> byLast;
    private readonly (string Word, WordRule Rule)[] clauseWords;
    private readonly SearchValues<char> clauseFirstChars;

    public WordMatcher(IEnumerable<WordRule> rules)
    {
        var words = rules.SelectMany(r => r.Words.Select(w => (Word: w, Rule: r))).OrderByDescending(x => x.Word.Length).ToArray();
        byFirst = words.GroupBy(w => w.Word[0]).ToDictionary(g => g.Key, g => g.ToArray());
        byLast = words.GroupBy(w => w.Word[^1]).ToDictionary(g => g.Key, g => g.ToArray());
        clauseWords = [.. words.Where(w => w.Rule.Reach == WordReach.Clause)];
        clauseFirstChars = SearchValues.Create([.. clauseWords.Select(w => w.Word[0]).Distinct()]);
    }

    /// <summary>The word that ends exactly at <paramref name="end"/>.</summary>
    public (string Word, WordRule Rule)? EndingAt(string text, int end)
    {
        if (end == 0 || !byLast.TryGetValue(text[end - 1], out var candidates))
        {
            return null;
        }

        var before = text.AsSpan(0, end);
        foreach (var entry in candidates)
        {
            if (before.EndsWith(entry.Word, StringComparison.Ordinal) && !PrecededByExcluded(before[..^entry.Word.Length], entry.Rule))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The word that starts exactly at <paramref name="start"/>.</summary>
    public (string Word, WordRule Rule)? StartingAt(string text, int start)
    {
        if (start >= text.Length || !byFirst.TryGetValue(text[start], out var candidates))
        {
            return null;
        }

        var after = text.AsSpan(start);
        foreach (var entry in candidates)
        {
            if (after.StartsWith(entry.Word, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The last word of reach <c>clause</c> anywhere in <c>text[from..to)</c>.</summary>
    public (string Word, WordRule Rule)? LastClauseWordWithin(string text, int from, int to)
    {
        var window = text.AsSpan(from, to - from);
        if (clauseWords.Length == 0 || window.IndexOfAny(clauseFirstChars) < 0)
        {
            return null;
        }

        (string Word, WordRule Rule)? best = null;
        var bestEnd = -1;
        foreach (var entry in clauseWords)
        {
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
