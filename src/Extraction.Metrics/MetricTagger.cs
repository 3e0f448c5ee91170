using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Metrics;

/// <summary>
/// Names what each figure counts (its <see cref="Figure.Metric"/>): the noun phrase right after
/// it, else the phrase that ends right before it, found with jieba.NET part-of-speech tags and
/// trimmed by the stop words of rules/common/metrics.yaml. Metrics are cut from the printed text.
/// </summary>
public sealed class MetricTagger(MetricRules rules, TextFolding folding)
{
    private const string ClauseBreaks = "，。；：！？、,;:!?（）()\n";

    private static readonly HashSet<string> NounTags = ["n", "nr", "nrt", "ns", "nt", "nz", "ng", "eng"];

    /// <summary>
    /// jieba's dictionary and models, loaded on another core from the moment the tagger is
    /// made, while the document is still being segmented: in a run of one file that load was a
    /// tenth of the time, and nothing else waited for it.
    /// </summary>
    private readonly Task<Jieba.JiebaCutter> cutter = Task.Run(() => Jieba.JiebaModels.For(rules.DictionaryPath).Loaded());

    private readonly HashSet<string> phraseTags = [.. rules.PhraseTags];
    private readonly string[] trailingStops = [.. rules.TrailingStopWords.OrderByDescending(w => w.Length)];

    public IReadOnlyList<Figure> Tag(string printed, IReadOnlyList<Figure> figures)
    {
        var text = folding.Fold(printed);
        var tagged = new List<Figure>(figures.Count);
        string? lastBase = null;
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            var end = f.Start + f.Raw.Length;
            var floor = i > 0 ? figures[i - 1].Start + figures[i - 1].Raw.Length : 0;
            var clauseStart = Math.Max(floor, text.LastIndexOfAny(ClauseBreaks.ToCharArray(), Math.Max(0, f.Start - 1), Math.Max(0, f.Start - floor)) + 1);
            clauseStart = Math.Min(clauseStart, f.Start);
            var ceiling = i + 1 < figures.Count ? figures[i + 1].Start : text.Length;
            var breakAfter = text.IndexOfAny(ClauseBreaks.ToCharArray(), end, ceiling - end);
            var clauseEnd = breakAfter < 0 ? ceiling : breakAfter;

            var before = text[clauseStart..f.Start];
            var comparison = rules.Comparisons
                .SelectMany(c => c.Words.Select(w => (c.Suffix, At: before.IndexOf(w, StringComparison.Ordinal))))
                .Where(x => x.At >= 0)
                .OrderBy(x => x.At)
                .FirstOrDefault();
            var suffix = comparison.Suffix;

            // 生猪养殖规模场比上月增长10%: what is compared is named before the comparison.
            var phraseEnd = suffix is null ? f.Start : clauseStart + comparison.At;
            string? metric;
            if (f.Kind == FigureKind.Rank)
            {
                metric = (lastBase ?? "") + printed[clauseStart..f.Start].Replace("并列", "", StringComparison.Ordinal).Trim();
            }
            else
            {
                var phrase = (f.Kind == FigureKind.Count ? NounAfter(text, printed, end, clauseEnd) : null) ?? PhraseBefore(text, printed, clauseStart, phraseEnd);
                if (f.Change is not null || suffix is not null)
                {
                    phrase ??= lastBase;
                    metric = phrase is null ? null : suffix is null || phrase.EndsWith(suffix, StringComparison.Ordinal) ? phrase : phrase + suffix;
                }
                else
                {
                    metric = phrase ?? (i > 0 && figures[i - 1].Unit == f.Unit ? tagged[i - 1].Metric : null);
                    lastBase = metric ?? lastBase;
                }
            }

            tagged.Add(f with { Metric = string.IsNullOrEmpty(metric) ? null : metric });
        }

        return tagged;
    }

    /// <summary>585个自然村: the nouns that follow a counted figure.</summary>
    private string? NounAfter(string text, string printed, int start, int end)
    {
        var tokens = Tokens(text, start, end);
        var taken = tokens.TakeWhile(t => NounTags.Contains(t.Tag)).ToList();
        return taken.Count == 0 ? null : printed[taken[0].Start..taken[^1].End];
    }

    /// <summary>全市新增城镇就业19572人: the phrase that ends at the figure, without its stop words.</summary>
    private string? PhraseBefore(string text, string printed, int start, int end)
    {
        // Linking words (已完成, 不低于, 压缩至) are trimmed as text: the segmenter may split them.
        var trimmed = true;
        while (trimmed && end > start)
        {
            trimmed = false;
            foreach (var word in trailingStops)
            {
                if (end - start >= word.Length && text.AsSpan(start, end - start).EndsWith(word, StringComparison.Ordinal))
                {
                    end -= word.Length;
                    trimmed = true;
                    break;
                }
            }
        }

        var tokens = Tokens(text, start, end);
        while (tokens.Count > 0 && !IsPhraseWord(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        // The phrase runs back to the first word that cannot be part of it, or to a word such as
        // 全市 that places it rather than names it (确保全市新增城镇就业 → 新增城镇就业).
        var first = tokens.Count;
        while (first > 0 && IsPhraseWord(tokens[first - 1]) && !rules.LeadingStopWords.Contains(tokens[first - 1].Word))
        {
            first--;
        }

        return first >= tokens.Count ? null : printed[tokens[first].Start..tokens[^1].End];
    }

    // Codes such as PM10 and PM2.5 come tagged as numbers; they name what is measured.
    private bool IsPhraseWord(Token token) =>
        phraseTags.Contains(token.Tag) || (token.Word.Any(char.IsAsciiLetter) && token.Word.All(c => char.IsAsciiLetterOrDigit(c) || c == '.'));

    private List<Token> Tokens(string text, int start, int end)
    {
        var tokens = new List<Token>();
        if (end <= start)
        {
            return tokens;
        }

        var at = start;
        foreach (var (word, tag) in cutter.GetAwaiter().GetResult().CutTagged(text[start..end]))
        {
            var offset = text.IndexOf(word, at, end - at, StringComparison.Ordinal);
            if (offset < 0)
            {
                break;
            }

            tokens.Add(new Token(word, tag, offset, offset + word.Length));
            at = offset + word.Length;
        }

        return tokens;
    }

    private readonly record struct Token(string Word, string Tag, int Start, int End);
}
