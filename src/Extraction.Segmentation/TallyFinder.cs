using System.Text.RegularExpressions;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Finds the programme-wide counts by status that a statement states (rules/common/tallies.yaml):
/// each status phrase gives one tally, with the count printed after it if there is one in its
/// clause, else the count before it; counts of a district or a category are not the programme's.
/// </summary>
public sealed class TallyFinder(RuleSet rules)
{
    private const string ClauseEnds = "，,；;。：:！!？?、\n";

    public IEnumerable<FoundTally> Find(string printed)
    {
        var text = rules.Folding.Fold(printed);
        var candidates = new List<(TallyForm Form, Match Match, Group Status)>();
        foreach (var form in rules.Tallies.Forms)
        {
            foreach (Match match in form.Pattern.Matches(text))
            {
                candidates.Add((form, match, match.Groups["status"]));
            }
        }

        // Overlapping status words: the status listed first wins (未达到序时进度 is behind).
        var kept = candidates
            .Where(c => !candidates.Any(o => o.Form.Priority < c.Form.Priority && Overlap(o.Status, c.Status)))
            .ToList();
        // One tally per status phrase, in reading order; forms that read the count after the status word come first.
        foreach (var (form, match, _) in kept.GroupBy(c => c.Status.Index).OrderBy(g => g.Key).Select(g => g.First()))
        {
            if (!OutOfScope(text, match.Index) && Numeral.ToInt(match.Groups["count"].Value) is { } count)
            {
                yield return new FoundTally(new Tally(form.Status, count, printed.Substring(match.Index, match.Length)), match.Index, match.Length, form.Id);
            }
        }
    }

    private static bool Overlap(Group a, Group b) => a.Index < b.Index + b.Length && b.Index < a.Index + a.Length;

    /// <summary>True when the clause before the tally, or the clause before it that ends in 中, names a part of the programme.</summary>
    private bool OutOfScope(string text, int at)
    {
        var clauseStart = text.LastIndexOfAny(ClauseEnds.ToCharArray(), Math.Max(0, at - 1)) + 1;
        var prefix = text[clauseStart..at];
        if (rules.Tallies.ScopeExclusions.Any(e => e.Pattern.IsMatch(prefix)))
        {
            return true;
        }

        if (clauseStart < 2)
        {
            return false;
        }

        // The clause before speaks for this one when it names the whole this is part of (…中，) or this one opens with 其中.
        var previousStart = text.LastIndexOfAny(ClauseEnds.ToCharArray(), clauseStart - 2) + 1;
        var previous = text[previousStart..(clauseStart - 1)];
        var partOf = previous.EndsWith('中') || text.AsSpan(clauseStart).StartsWith("其中", StringComparison.Ordinal);
        var subject = previous.IndexOfAny("0123456789一二三四五六七八九十两".ToCharArray()) is var count and > 0 ? previous[..count] : previous;
        return partOf && rules.Tallies.ScopeExclusions.Any(e => e.Pattern.IsMatch(previous) || e.Pattern.IsMatch(subject));
    }
}

/// <summary>A tally, where its printed span is in the statement, and the rule that read it.</summary>
public sealed record FoundTally(Tally Tally, int Start, int Length, string RuleId);
