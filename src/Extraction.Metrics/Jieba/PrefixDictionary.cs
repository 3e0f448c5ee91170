namespace Extraction.Metrics.Jieba;

/// <summary>
/// jieba's word dictionary in a compact form: the words in ordinal order in one character
/// array, with their frequencies and part-of-speech tags in parallel arrays. jieba keeps every
/// word and every prefix of a word as a string key of a hash table (about 580 000 strings, a
/// second or so to build at every start); sorted, the words that share a prefix are one range,
/// narrowed a character at a time, and the arrays load as they were saved.
/// </summary>
internal sealed class PrefixDictionary
{
    private readonly char[] chars;
    private readonly int[] starts;
    private readonly int[] frequencies;
    private readonly ushort[] tags;
    private readonly string[] tagNames;

    /// <param name="chars">The words, one after the other, in ordinal order.</param>
    /// <param name="starts">Where each word starts in <paramref name="chars"/>, and one more: the end of the last.</param>
    /// <param name="frequencies">Each word's frequency; 0 for a word that only prefixes others.</param>
    /// <param name="tags">Each word's tag, an index into <paramref name="tagNames"/> (0: none).</param>
    /// <param name="tagNames">The tags; the first is the empty "no tag".</param>
    /// <param name="total">The sum of frequencies as jieba counts it (every line of its dictionary, user words replacing theirs).</param>
    public PrefixDictionary(char[] chars, int[] starts, int[] frequencies, ushort[] tags, string[] tagNames, double total)
    {
        if (starts.Length != frequencies.Length + 1 || tags.Length != frequencies.Length || tagNames.Length == 0 || starts[^1] != chars.Length)
        {
            throw new InvalidDataException("the word dictionary's arrays do not agree");
        }

        (this.chars, this.starts, this.frequencies, this.tags, this.tagNames, Total) = (chars, starts, frequencies, tags, tagNames, total);
    }

    public double Total { get; }

    public int Count => frequencies.Length;

    internal char[] Chars => chars;

    internal int[] Starts => starts;

    internal int[] Frequencies => frequencies;

    internal ushort[] Tags => tags;

    internal string[] TagNames => tagNames;

    /// <summary>The frequency of a word; 0 when it is no word (absent, or only a prefix).</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        var at = Find(word);
        return at < 0 ? 0 : frequencies[at];
    }

    public bool ContainsWord(ReadOnlySpan<char> word) => Frequency(word) > 0;

    /// <summary>The word's tag, or null when it has none (jieba then says "x").</summary>
    public string? Tag(ReadOnlySpan<char> word)
    {
        var at = Find(word);
        return at < 0 || tags[at] == 0 ? null : tagNames[tags[at]];
    }

    /// <summary>
    /// jieba's DAG row: the last index of every word of the dictionary that starts at
    /// <paramref name="start"/> in <paramref name="sentence"/>, shortest first; the start
    /// itself when there is none.
    /// </summary>
    public void Ends(ReadOnlySpan<char> sentence, int start, List<int> ends)
    {
        ends.Clear();
        int lo = 0, hi = Count;
        for (var i = start; i < sentence.Length && lo < hi; i++)
        {
            var depth = i - start;
            (lo, hi) = Narrow(lo, hi, depth, sentence[i]);
            if (lo < hi && Length(lo) == depth + 1 && frequencies[lo] > 0)
            {
                ends.Add(i);
            }
        }

        if (ends.Count == 0)
        {
            ends.Add(start);
        }
    }

    private int Find(ReadOnlySpan<char> word)
    {
        int lo = 0, hi = Count;
        for (var depth = 0; depth < word.Length && lo < hi; depth++)
        {
            (lo, hi) = Narrow(lo, hi, depth, word[depth]);
        }

        return word.Length > 0 && lo < hi && Length(lo) == word.Length ? lo : -1;
    }

    /// <summary>Of the words in [lo, hi), which share their first <paramref name="depth"/> characters, those whose next one is <paramref name="c"/>.</summary>
    private (int Lo, int Hi) Narrow(int lo, int hi, int depth, char c)
    {
        var first = Bound(lo, hi, depth, c, upper: false);
        return (first, Bound(first, hi, depth, c, upper: true));
    }

    private int Bound(int lo, int hi, int depth, char c, bool upper)
    {
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var at = CharAt(mid, depth);
            if (at < c || (upper && at == c))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The word's character at <paramref name="depth"/>, or -1 when the word is shorter: shorter words sort first.</summary>
    private int CharAt(int word, int depth) => Length(word) > depth ? chars[starts[word] + depth] : -1;

    private int Length(int word) => starts[word + 1] - starts[word];
}
