using Extraction.Figures.Numbers;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Cuts a paragraph whose line breaks were lost back into its lines. The sign is a sequence:
/// items numbered 1. 2. 3. (or （1）（2）, ①②) that each open after white space or at the start
/// — or, three or more of them, each right after a full stop, where the breaks were lost with
/// no space left. Where one is found the items are cut apart, and so is every sentence that
/// ends before white space (the label lines, the closing paragraph and the signature run into
/// the same line). A paragraph without such a sequence is one piece.
/// </summary>
/// <param name="opensParagraph">Whether a text opens a paragraph by what it says (a heading, a label, the closing, a signature): in a paragraph cut so, a full stop before such a text cuts too.</param>
/// <param name="signs">Whether a text is a signature (an issuer, a date): glued to the end of a paragraph, it is cut off.</param>
public sealed class SequenceSplitter(RuleSet rules, Func<string, bool>? opensParagraph = null, Func<string, bool>? signs = null)
{
    private const int MinItems = 2;

    /// <summary>Items cut after a full stop, with no space before them, must be at least this many.</summary>
    private const int MinItemsAfterFullStop = 3;
    private const string SentenceEnds = "。！？；!?;";

    /// <summary>The pieces of a paragraph as (start, length), trimmed; the whole paragraph when it holds no lost sequence.</summary>
    public IReadOnlyList<(int Start, int Length)> Split(string paragraph)
    {
        var folded = rules.Folding.Fold(paragraph);
        var cuts = rules.Enumerations.Select(e => Sequence(e, folded, afterFullStop: false)).FirstOrDefault(s => s.Count >= MinItems)
            ?? rules.Enumerations.Select(e => Sequence(e, folded, afterFullStop: true)).FirstOrDefault(s => s.Count >= MinItemsAfterFullStop);
        if (cuts is null)
        {
            return OpeningsAfterSpace(paragraph, folded);
        }

        var at = new SortedSet<int>(cuts.Where(c => c > 0));
        for (var i = 0; i + 1 < folded.Length; i++)
        {
            if (folded[i] == '。' && !char.IsWhiteSpace(folded[i + 1]) && opensParagraph?.Invoke(paragraph[(i + 1)..]) == true)
            {
                at.Add(i + 1);
            }

            if (SentenceEnds.Contains(folded[i]) && char.IsWhiteSpace(folded[i + 1]))
            {
                var next = i + 1;
                while (next < folded.Length && char.IsWhiteSpace(folded[next]))
                {
                    next++;
                }

                if (next < folded.Length)
                {
                    at.Add(next);
                }
            }
        }

        return Pieces(paragraph, at);
    }

    /// <summary>
    /// A paragraph without a sequence is cut only where a sentence ends before white space and
    /// what follows opens a paragraph of its own (a signature: "…为开发区和市本级。 六安市民生办"),
    /// or where a short line that does so closes it with no space at all (…如期完成。某市民生办).
    /// </summary>
    private IReadOnlyList<(int Start, int Length)> OpeningsAfterSpace(string paragraph, string folded)
    {
        const int MaxGluedLine = 30;
        var at = new SortedSet<int>();
        for (var i = 0; opensParagraph is not null && i + 1 < folded.Length; i++)
        {
            if (SentenceEnds.Contains(folded[i]) && !char.IsWhiteSpace(folded[i + 1]) && folded.Length - i - 1 <= MaxGluedLine
                && signs?.Invoke(paragraph[(i + 1)..]) == true)
            {
                at.Add(i + 1);
            }
            else if (SentenceEnds.Contains(folded[i]) && char.IsWhiteSpace(folded[i + 1]))
            {
                var next = i + 1;
                while (next < folded.Length && char.IsWhiteSpace(folded[next]))
                {
                    next++;
                }

                if (next < folded.Length && opensParagraph(paragraph[next..]))
                {
                    at.Add(next);
                }
            }
        }

        return at.Count == 0 ? [(0, paragraph.Length)] : Pieces(paragraph, at);
    }

    /// <summary>
    /// A paragraph that is a list of names numbered in one line ("1、金寨县；2、裕安区；3、霍山县"):
    /// a ranking or a roll, not tasks — at least three items from the start, each a few characters.
    /// </summary>
    public bool IsNameList(string paragraph)
    {
        const int MinNames = 3;
        const int MaxName = 10;
        var folded = rules.Folding.Fold(paragraph.Trim());
        foreach (var enumeration in rules.Enumerations)
        {
            var items = enumeration.Pattern.Matches(folded)
                .Where(m => m.Index == 0 || "；;，,、 ".Contains(folded[m.Index - 1]))
                .ToList();
            if (items.Count < MinNames || items[0].Index != 0)
            {
                continue;
            }

            var names = 0;
            for (var i = 0; i < items.Count && Numeral.ToInt(items[i].Groups["number"].Value) == i + 1; i++)
            {
                var end = i + 1 < items.Count ? items[i + 1].Index : folded.Length;
                var name = folded[(items[i].Index + items[i].Length)..end].Trim().TrimEnd('；', ';', '，', ',', '、', '。');
                if (name.Length == 0 || name.Length > MaxName || name.Any(Numeral.IsArabicDigit))
                {
                    return false;
                }

                names++;
            }

            return names >= MinNames && names == items.Count;
        }

        return false;
    }

    /// <summary>The starts of the longest run of items numbered n, n+1, n+2 … that open at the start or after white space.</summary>
    private static List<int> Sequence(PatternRule enumeration, string text, bool afterFullStop)
    {
        var items = new List<(int Start, int Number)>();
        foreach (System.Text.RegularExpressions.Match m in enumeration.Pattern.Matches(text))
        {
            var opens = m.Index == 0 || char.IsWhiteSpace(text[m.Index - 1]) || afterFullStop && text[m.Index - 1] == '。';
            if (opens && Numeral.ToInt(m.Groups["number"].Value) is { } n)
            {
                items.Add((m.Index, n));
            }
        }

        var best = new List<int>();
        for (var first = 0; first < items.Count; first++)
        {
            var run = new List<int> { items[first].Start };
            var expected = items[first].Number + 1;
            for (var j = first + 1; j < items.Count; j++)
            {
                if (items[j].Number == expected)
                {
                    run.Add(items[j].Start);
                    expected++;
                }
            }

            if (run.Count > best.Count)
            {
                best = run;
            }
        }

        return best;
    }

    internal static List<(int Start, int Length)> Pieces(string text, IEnumerable<int> cuts)
    {
        var pieces = new List<(int, int)>();
        var from = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            var start = from;
            var end = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                pieces.Add((start, end - start));
            }

            from = cut;
        }

        return pieces;
    }
}
