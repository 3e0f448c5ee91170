using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>Finds the longest unit form that starts at a position, honouring each unit's restrictions.</summary>
internal sealed class UnitMatcher
{
    private readonly Dictionary<char, (string Form, UnitRule Unit)[]> byFirstChar;

    public UnitMatcher(IEnumerable<UnitRule> units)
    {
        byFirstChar = units
            .SelectMany(u => u.Forms.Select(f => (Form: f, Unit: u)))
            .GroupBy(x => x.Form[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.Form.Length).ToArray());
    }

    public bool StartsAt(string text, int at) => at < text.Length && byFirstChar.ContainsKey(text[at]);

    public (string Form, UnitRule Unit)? Match(string text, int at, bool afterChineseNumeral)
    {
        if (at >= text.Length || !byFirstChar.TryGetValue(text[at], out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (!text.AsSpan(at).StartsWith(candidate.Form, StringComparison.Ordinal))
            {
                continue;
            }

            if (BlockedByNext(text, at + candidate.Form.Length, candidate.Unit) || (afterChineseNumeral && !candidate.Unit.AfterChineseNumerals))
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    private static bool BlockedByNext(string text, int next, UnitRule unit)
    {
        for (var i = 0; i < unit.NotBefore.Count && next < text.Length; i++)
        {
            if (text.AsSpan(next).StartsWith(unit.NotBefore[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
