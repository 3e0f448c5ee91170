using System.Text.RegularExpressions;
using Extraction.Model;
using Extraction.Rules.Yaml;

namespace Extraction.Rules;

/// <summary>Turns figures.yaml and units.yaml into <see cref="FigureRules"/>.</summary>
internal static class FigureRulesLoader
{
    public static FigureRules Load(string path, FiguresFile file, string unitsPath, UnitsFile units)
    {
        var magnitudes = new Dictionary<char, decimal>();
        foreach (var (word, factor) in file.Magnitudes)
        {
            if (word.Length != 1)
            {
                throw new RuleLoadException($"{path}: magnitude '{word}' must be one character (compounds such as 万亿 multiply)");
            }

            magnitudes[word[0]] = factor;
        }

        return new FigureRules(
            Units: [.. units.Units.Select(u => Unit(unitsPath, u))],
            Magnitudes: magnitudes,
            SuffixQualifiers: Words(path, file.SuffixQualifiers, QualifierMeanings),
            PrefixQualifiers: Words(path, file.PrefixQualifiers, QualifierMeanings),
            Changes: Words(path, file.Changes, [WordMeaning.Increase, WordMeaning.Decrease]),
            Fillers: file.Fillers,
            RangeSeparators: file.RangeSeparators,
            PercentPrefixes: file.PercentPrefixes,
            ListSeparators: file.ListSeparators,
            RankContext: RuleSetLoader.Compile(path, "rank_context", file.RankContext, hot: true, endAnchored: true),
            RankSuffix: RuleSetLoader.Compile(path, "rank_suffix", file.RankSuffix, hot: true),
            CodePrefix: RuleSetLoader.Compile(path, "code_prefix", file.CodePrefix, hot: true, endAnchored: true),
            DateSuffixes: [.. file.DateSuffixes.Select(d => DateSuffix(path, d))],
            BareNumberNotBefore: RuleSetLoader.Compile(path, "bare_number_not_before", file.BareNumberNotBefore, hot: true),
            BareNumberNotAfter: RuleSetLoader.Compile(path, "bare_number_not_after", file.BareNumberNotAfter, hot: true, endAnchored: true),
            BareChineseBefore: RuleSetLoader.Compile(path, "bare_chinese_before", file.BareChineseBefore, hot: true, endAnchored: true),
            BareChineseAfter: RuleSetLoader.Compile(path, "bare_chinese_after", file.BareChineseAfter, hot: true),
            SignWords: file.SignWords,
            HalfWords: file.HalfWords,
            NotFigures: [.. file.NotFigures.Select(n => NotFigure(path, n))],
            Examples: Examples(path, "examples", file.Examples));
    }

    private static UnitRule Unit(string path, UnitModel model)
    {
        var unit = model.Unit ?? throw new RuleLoadException($"{path}: a unit has no name");
        var kind = RuleSetLoader.Enumerated<FigureKind>(path, $"unit {unit}: kind", model.Kind);

        var forms = model.Forms.Count > 0 ? model.Forms : [unit];
        var subunits = model.Subunits.Select(s => s.Forms.Count > 0 && s.Factor > 0
            ? new Subunit(s.Forms, s.Factor, s.Standalone)
            : throw new RuleLoadException($"{path}: unit {unit}: a subunit needs forms and a factor")).ToList();
        return new UnitRule(unit, kind, forms, model.NotBefore, model.AfterChineseNumerals, subunits, Examples(path, $"unit {unit}", model.Examples));
    }

    private static readonly WordMeaning[] QualifierMeanings =
        [WordMeaning.MoreThan, WordMeaning.Approx, WordMeaning.AtLeast, WordMeaning.AtMost, WordMeaning.LessThan, WordMeaning.None];

    private static IReadOnlyList<WordRule> Words(string path, IEnumerable<WordRuleModel> models, WordMeaning[] meanings) =>
    [
        .. models.Select(m =>
        {
            var id = RuleSetLoader.Required(path, "word rule id", m.Id);
            var meaning = RuleSetLoader.Enumerated<WordMeaning>(path, $"{id}: meaning", m.Meaning);
            if (!meanings.Contains(meaning))
            {
                throw new RuleLoadException($"{path}: {id}: meaning must be one of {string.Join(", ", meanings.Select(x => RuleSetLoader.Snake(x.ToString())))}");
            }

            var reach = RuleSetLoader.Enumerated<WordReach>(path, $"{id}: reach", m.Reach ?? "adjacent");
            return new WordRule(id, m.Words, meaning, reach, m.NotAfter, Examples(path, id, m.Examples));
        }),
    ];

    private static DateSuffixRule DateSuffix(string path, DateSuffixModel model)
    {
        var id = RuleSetLoader.Required(path, "date suffix id", model.Id);
        return new DateSuffixRule(
            id,
            RuleSetLoader.Compile(path, id, model.Pattern, hot: true),
            model.WhenNumber is null ? null : RuleSetLoader.Compile(path, id + ".when_number", model.WhenNumber, hot: true),
            Examples(path, id, model.Examples));
    }

    private static NotFigureRule NotFigure(string path, NotFigureModel model)
    {
        var id = RuleSetLoader.Required(path, "not_figures id", model.Id);
        return new NotFigureRule(id, RuleSetLoader.Compile(path, id, model.Pattern, hot: true), Examples(path, id, model.Examples));
    }

    private static IReadOnlyList<FigureExample> Examples(string path, string owner, IEnumerable<FigureExampleModel> models)
    {
        var examples = models
            .Select(e => new FigureExample(RuleSetLoader.Required(path, $"{owner}: example text", e.Text), e.Figures, owner))
            .ToList();
        return examples.Count > 0 ? examples : throw new RuleLoadException($"{path}: {owner} has no examples");
    }
}
