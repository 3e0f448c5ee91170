using System.Text.RegularExpressions;

namespace Extraction.Metrics.Jieba;

/// <summary>
/// jieba's cuts over the compact dictionary and models: the precise cut (the most probable
/// path through the dictionary's words, the word model cutting runs it does not know), the
/// search cut (also the dictionary words of two and three characters inside longer words), and
/// the tagged cut (each word with its part of speech). Each gives the words jieba.NET 0.42.2
/// gives for the same dictionary, so that metrics and the search index do not change with the
/// loader. The models load on first use: search needs no part-of-speech model.
/// </summary>
internal sealed partial class JiebaCutter(PrefixDictionary dictionary, Lazy<WordHmm> wordModel, Lazy<PosHmm> posModel)
{
    private const string UnknownTag = "x";

    public PrefixDictionary Dictionary => dictionary;

    /// <summary>This cutter with both its models loaded, and its tagged cut run once (so compiled).</summary>
    public JiebaCutter Loaded()
    {
        _ = wordModel.Value;
        _ = posModel.Value;
        _ = CutTagged("新增城镇就业");
        return this;
    }

    /// <summary>The words of <paramref name="text"/>, cut precisely.</summary>
    public List<string> Cut(string text)
    {
        var words = new List<string>();
        foreach (var (block, han) in Blocks(HanBlock(), text))
        {
            if (han)
            {
                CutHan(block, words);
            }
            else
            {
                foreach (var piece in SpaceSplit().Split(block))
                {
                    if (SpaceSplit().IsMatch(piece))
                    {
                        words.Add(piece);
                    }
                    else
                    {
                        words.AddRange(piece.Select(c => c.ToString()));
                    }
                }
            }
        }

        return words;
    }

    /// <summary>The precise cut with, before each word longer than two, the dictionary's words of two and then three characters inside it.</summary>
    public List<string> CutForSearch(string text)
    {
        var words = new List<string>();
        foreach (var word in Cut(text))
        {
            for (var size = 2; size <= 3; size++)
            {
                if (word.Length > size)
                {
                    for (var i = 0; i + size <= word.Length; i++)
                    {
                        if (dictionary.ContainsWord(word.AsSpan(i, size)))
                        {
                            words.Add(word.Substring(i, size));
                        }
                    }
                }
            }

            words.Add(word);
        }

        return words;
    }

    /// <summary>The words of <paramref name="text"/> and their parts of speech (jieba's tag set; x when unknown).</summary>
    public List<(string Word, string Tag)> CutTagged(string text)
    {
        var words = new List<(string, string)>();
        foreach (var (block, han) in Blocks(HanBlock(), text))
        {
            if (han)
            {
                words.AddRange(taggedRuns.TryGetValue(block, out var known) ? known : Remember(block));
                continue;
            }

            foreach (var piece in SpaceSplit().Split(block))
            {
                if (SpaceSplit().IsMatch(piece))
                {
                    words.Add((piece, UnknownTag));
                    continue;
                }

                var latin = Latin().IsMatch(piece);
                foreach (var c in piece)
                {
                    var one = c.ToString();
                    words.Add((one, Number().IsMatch(one) ? "m" : latin ? "eng" : UnknownTag));
                }
            }
        }

        return words;
    }

    private void CutHan(string sentence, List<string> words)
    {
        var pending = new System.Text.StringBuilder();
        foreach (var word in Route(sentence))
        {
            if (word.Length == 1)
            {
                pending.Append(word);
                continue;
            }

            Flush(pending, words);
            words.Add(word);
        }

        Flush(pending, words);
    }

    /// <summary>Single characters in a row: one is a word; several the dictionary does not know as a whole go to the word model.</summary>
    private void Flush(System.Text.StringBuilder pending, List<string> words)
    {
        if (pending.Length == 0)
        {
            return;
        }

        var run = pending.ToString();
        pending.Clear();
        if (run.Length == 1 || dictionary.ContainsWord(run))
        {
            words.AddRange(run.Select(c => c.ToString()));
            return;
        }

        foreach (var (block, han) in Blocks(HanOnly(), run))
        {
            if (han)
            {
                words.AddRange(Viterbi(block));
            }
            else
            {
                words.AddRange(LatinNumber().Split(block).Where(p => p.Length > 0));
            }
        }
    }

    private List<string> Viterbi(string run)
    {
        var states = wordModel.Value.States(run);
        var words = new List<string>();
        int begin = 0, next = 0;
        for (var i = 0; i < run.Length; i++)
        {
            switch (states[i])
            {
                case WordHmm.B:
                    begin = i;
                    break;
                case WordHmm.E:
                    words.Add(run[begin..(i + 1)]);
                    next = i + 1;
                    break;
                case WordHmm.S:
                    words.Add(run[i..(i + 1)]);
                    next = i + 1;
                    break;
            }
        }

        if (next < run.Length)
        {
            words.Add(run[next..]);
        }

        return words;
    }

    /// <summary>
    /// Tagged cuts of runs of Chinese already seen. An archive says the same things issue after
    /// issue (全市新增城镇就业, 完成年度目标的), and figures break the text into such runs: the
    /// cut of a run depends on nothing else, and cutting was two fifths of parsing a bulletin.
    /// Bounded: emptied when full, so memory does not grow with the archive.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string, string)[]> taggedRuns = new(StringComparer.Ordinal);

    private const int TaggedRunsKept = 20_000;

    private (string, string)[] Remember(string block)
    {
        var cut = new List<(string, string)>();
        CutHanTagged(block, cut);
        if (taggedRuns.Count >= TaggedRunsKept)
        {
            taggedRuns.Clear();
        }

        return taggedRuns[block] = [.. cut];
    }

    private void CutHanTagged(string sentence, List<(string, string)> words)
    {
        var pending = new System.Text.StringBuilder();
        foreach (var word in Route(sentence))
        {
            if (word.Length == 1)
            {
                pending.Append(word);
                continue;
            }

            FlushTagged(pending, words);
            words.Add((word, dictionary.Tag(word) ?? UnknownTag));
        }

        FlushTagged(pending, words);
    }

    /// <summary>As <see cref="Flush"/>, with tags: a run the dictionary knows as a whole is left in characters tagged x, as jieba.NET does.</summary>
    private void FlushTagged(System.Text.StringBuilder pending, List<(string, string)> words)
    {
        if (pending.Length == 0)
        {
            return;
        }

        var run = pending.ToString();
        pending.Clear();
        if (run.Length == 1)
        {
            words.Add((run, dictionary.Tag(run) ?? UnknownTag));
            return;
        }

        if (dictionary.ContainsWord(run))
        {
            words.AddRange(run.Select(c => (c.ToString(), UnknownTag)));
            return;
        }

        foreach (var (block, han) in Blocks(HanOnly(), run))
        {
            if (han)
            {
                words.AddRange(posModel.Value.Cut(block));
                continue;
            }

            foreach (var piece in NumberOrLatin().Split(block).Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                words.Add((piece, Number().IsMatch(piece) ? "m" : Latin().IsMatch(piece) ? "eng" : UnknownTag));
            }
        }
    }

    /// <summary>The words of the most probable path through the dictionary (jieba's DAG and route), in order.</summary>
    private IEnumerable<string> Route(string sentence)
    {
        var n = sentence.Length;
        var ends = new int[n][];
        var row = new List<int>();
        for (var k = 0; k < n; k++)
        {
            dictionary.Ends(sentence, k, row);
            ends[k] = [.. row];
        }

        var logTotal = Math.Log(dictionary.Total);
        var best = new double[n + 1];
        var next = new int[n + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            var score = double.MinValue;
            var end = -1;
            foreach (var x in ends[i])
            {
                var frequency = dictionary.Frequency(sentence.AsSpan(i, x + 1 - i));
                var p = Math.Log(frequency > 0 ? frequency : 1) - logTotal + best[x + 1];
                if (score < p)
                {
                    (score, end) = (p, x);
                }
            }

            (best[i], next[i]) = (score, end);
        }

        for (var x = 0; x < n;)
        {
            var y = next[x] + 1;
            yield return sentence[x..y];
            x = y;
        }
    }

    /// <summary>The text cut into the runs a pattern matches (true) and the text between them (false), empty pieces left out.</summary>
    private static List<(string Text, bool Matched)> Blocks(Regex pattern, string text)
    {
        var blocks = new List<(string, bool)>();
        var at = 0;
        foreach (var match in pattern.EnumerateMatches(text))
        {
            if (match.Index > at)
            {
                blocks.Add((text[at..match.Index], false));
            }

            blocks.Add((text.Substring(match.Index, match.Length), true));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            blocks.Add((text[at..], false));
        }

        return blocks;
    }

    // jieba's character classes, as jieba.NET 0.42.2 writes them.
    [GeneratedRegex(@"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%·\-]+")]
    private static partial Regex HanBlock();

    [GeneratedRegex(@"[\u4E00-\u9FD5]+")]
    private static partial Regex HanOnly();

    [GeneratedRegex(@"(\r\n|\s)")]
    private static partial Regex SpaceSplit();

    [GeneratedRegex(@"([a-zA-Z0-9]+(?:\.\d+)?%?)")]
    private static partial Regex LatinNumber();

    [GeneratedRegex(@"([\.0-9]+|[a-zA-Z0-9]+)")]
    private static partial Regex NumberOrLatin();

    [GeneratedRegex(@"[\.0-9]+")]
    private static partial Regex Number();

    [GeneratedRegex(@"[a-zA-Z0-9]+")]
    private static partial Regex Latin();
}
