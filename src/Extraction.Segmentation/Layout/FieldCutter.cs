using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Cuts a task's run-together text into its fields (rules: field_cuts): a label that follows a
/// sentence end, a comma or white space starts a piece; a unit or person label's value ends at
/// its first 。, after which the rest (unlabelled progress) is a piece of its own. A piece
/// before a label loses the comma that joined them. A label inside brackets is no cut: the
/// bracket is read whole (inline_departments: （责任领导：…，责任单位：…）).
/// </summary>
public sealed class FieldCutter(RuleSet rules)
{
    private const string CutAfter = "。；;，,、";
    // Not ；: lists of units are written with it (市民政局；市财政局).
    private const string ValueEnds = "。";

    public IReadOnlyList<(int Start, int Length)> Cut(string text)
    {
        var folded = rules.Folding.Fold(text);
        var labels = new List<(int Start, int End, bool EndsAtSentence)>();
        foreach (var cut in rules.FieldCuts)
        {
            foreach (System.Text.RegularExpressions.Match m in cut.Rule.Pattern.Matches(folded))
            {
                if ((m.Index == 0 || cut.Anywhere || CutAfter.Contains(folded[m.Index - 1]) || char.IsWhiteSpace(folded[m.Index - 1])) && !InsideBrackets(folded, m.Index))
                {
                    labels.Add((m.Index, m.Index + m.Length, cut.EndsAtSentence));
                }
            }
        }

        labels.Sort();
        var cuts = new SortedSet<int>();
        for (var i = 0; i < labels.Count; i++)
        {
            var (start, end, endsAtSentence) = labels[i];
            var next = i + 1 < labels.Count ? labels[i + 1].Start : folded.Length;
            if (start > 0)
            {
                cuts.Add(start);
            }

            // A unit's value ends at its first sentence end, unless the next label comes first.
            var stop = endsAtSentence ? folded.IndexOfAny(ValueEnds.ToCharArray(), end, next - end) : -1;
            if (stop >= 0 && folded[(stop + 1)..next].Trim().Length > 0)
            {
                cuts.Add(stop + 1);
            }
        }

        if (cuts.Count == 0)
        {
            return [(0, text.Length)];
        }

        return [.. SequenceSplitter.Pieces(text, cuts).Select(p => (p.Start, TrimJoiner(text, p.Start, p.Length))).Where(p => p.Item2 > 0)];
    }

    private static bool InsideBrackets(string text, int at)
    {
        var depth = 0;
        foreach (var c in text.AsSpan(0, at))
        {
            depth = Math.Max(0, depth + (c is '（' or '(' ? 1 : c is '）' or ')' ? -1 : 0));
        }

        return depth > 0;
    }

    /// <summary>A piece that ends in the comma joining it to the next label ("改造农村危房150户，") loses the comma.</summary>
    private static int TrimJoiner(string text, int start, int length)
    {
        while (length > 0 && "，,、".Contains(text[start + length - 1]))
        {
            length--;
        }

        return length;
    }
}
