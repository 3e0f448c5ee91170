namespace Extraction.Rules;

/// <summary>
/// How the metric of a figure (the thing it counts) is found: which part-of-speech tags
/// make up a noun phrase, which words are trimmed from its ends, the words that mark a
/// comparison, and the user dictionary of bulletin terms for the segmenter.
/// </summary>
public sealed record MetricRules(
    string DictionaryPath,
    IReadOnlyList<string> PhraseTags,
    IReadOnlyList<string> LeadingStopWords,
    IReadOnlyList<string> TrailingStopWords,
    IReadOnlyList<Comparison> Comparisons,
    IReadOnlyList<MetricExample> Examples);

/// <summary>Words such as 同比 or 比上月 that mark a change against a period; the metric gets the suffix.</summary>
public sealed record Comparison(IReadOnlyList<string> Words, string Suffix);

/// <summary>A phrase, a figure in it, and the metric it must be given.</summary>
public sealed record MetricExample(string Text, string Raw, string Metric);
