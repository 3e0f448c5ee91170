using Extraction.Rules;

namespace Extraction.Metrics;

/// <summary>
/// Chinese text cut into words by jieba, for full-text search: SQLite's tokenizers treat a
/// run of Chinese characters as one token, so text is indexed as space-separated words.
/// </summary>
public sealed class WordSegmenter(MetricRules rules, TextFolding folding)
{
    /// <summary>
    /// The longest piece handed to jieba at once. Its cost grows faster than the length of a run
    /// without a break (a 1 MB line took minutes); text is cut at punctuation and spaces first,
    /// and only a run longer than this is cut blindly.
    /// </summary>
    private const int MaxPiece = 256;

    /// <summary>Words to index: every dictionary word found, long ones and the short ones inside them (负压病房, 负压, 病房).</summary>
    public string ForIndex(string text) =>
        string.Join(' ', Pieces(folding.Fold(text)).SelectMany(p => Jieba.JiebaModels.For(rules.DictionaryPath).CutForSearch(p)).Where(IsWord));

    /// <summary>Words of a query, cut precisely: each must occur.</summary>
    public IReadOnlyList<string> ForQuery(string text) =>
        [.. Pieces(folding.Fold(text)).SelectMany(p => Jieba.JiebaModels.For(rules.DictionaryPath).Cut(p)).Where(IsWord)];

    private static bool IsWord(string token) => token.Any(char.IsLetterOrDigit);

    /// <summary>The text in pieces that end at a break (punctuation or space) or, in a run without one, every <see cref="MaxPiece"/> characters.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsPunctuation(text[i]) || i - start + 1 >= MaxPiece)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
