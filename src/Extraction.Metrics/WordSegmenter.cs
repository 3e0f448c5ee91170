using Extraction.Rules;

namespace Extraction.Metrics;

/// <summary>
/// Chinese text cut into words by jieba.NET, for full-text search: SQLite's tokenizers treat a
/// run of Chinese characters as one token, so text is indexed as space-separated words.
/// </summary>
public sealed class WordSegmenter(MetricRules rules, TextFolding folding)
{
    /// <summary>Words to index: every dictionary word found, long ones and the short ones inside them (负压病房, 负压, 病房).</summary>
    public string ForIndex(string text) =>
        string.Join(' ', Jieba.Words(rules.DictionaryPath).CutForSearch(folding.Fold(text)).Where(IsWord));

    /// <summary>Words of a query, cut precisely: each must occur.</summary>
    public IReadOnlyList<string> ForQuery(string text) =>
        [.. Jieba.Words(rules.DictionaryPath).Cut(folding.Fold(text)).Where(IsWord)];

    private static bool IsWord(string token) => token.Any(char.IsLetterOrDigit);
}
