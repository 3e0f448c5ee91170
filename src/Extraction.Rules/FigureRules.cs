using System.Text.RegularExpressions;
using Extraction.Model;

namespace Extraction.Rules;

/// <summary>The vocabulary of figures: units, magnitude words, qualifiers, change words and what is not a figure.</summary>
public sealed record FigureRules(
    IReadOnlyList<UnitRule> Units,
    IReadOnlyDictionary<char, decimal> Magnitudes,
    IReadOnlyList<WordRule> SuffixQualifiers,
    IReadOnlyList<WordRule> PrefixQualifiers,
    IReadOnlyList<WordRule> Changes,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> RangeSeparators,
    IReadOnlyList<string> PercentPrefixes,
    IReadOnlyList<string> ListSeparators,
    Regex RankContext,
    Regex RankSuffix,
    Regex CodePrefix,
    IReadOnlyList<DateSuffixRule> DateSuffixes,
    Regex BareNumberNotBefore,
    Regex BareNumberNotAfter,
    Regex BareChineseBefore,
    Regex BareChineseAfter,
    IReadOnlyList<string> SignWords,
    IReadOnlyList<string> HalfWords,
    IReadOnlyList<NotFigureRule> NotFigures,
    IReadOnlyList<FigureExample> Examples);

/// <summary>A unit: its canonical name, its kind, and the written forms that fold to it.</summary>
public sealed record UnitRule(
    string Unit,
    FigureKind Kind,
    IReadOnlyList<string> Forms,
    IReadOnlyList<string> NotBefore,
    bool AfterChineseNumerals,
    IReadOnlyList<Subunit> Subunits,
    IReadOnlyList<FigureExample> Examples);

/// <summary>A smaller unit folded into its unit's value (角 = 0.1 元); <see cref="Standalone"/> lets it start a figure by itself.</summary>
public sealed record Subunit(IReadOnlyList<string> Forms, decimal Factor, bool Standalone);

/// <summary>
/// Words with one meaning (a qualifier or a change direction). <see cref="Reach"/> says whether
/// they must stand directly before the number or may govern it from earlier in the clause.
/// </summary>
public sealed record WordRule(
    string Id,
    IReadOnlyList<string> Words,
    WordMeaning Meaning,
    WordReach Reach,
    IReadOnlyList<string> NotAfter,
    IReadOnlyList<FigureExample> Examples)
{
    /// <summary>The qualifier the words set, or null (a change word, or <see cref="WordMeaning.None"/>).</summary>
    public Qualifier? Qualifier => Meaning switch
    {
        WordMeaning.MoreThan => Model.Qualifier.MoreThan,
        WordMeaning.Approx => Model.Qualifier.Approx,
        WordMeaning.AtLeast => Model.Qualifier.AtLeast,
        WordMeaning.AtMost => Model.Qualifier.AtMost,
        WordMeaning.LessThan => Model.Qualifier.LessThan,
        _ => null,
    };

    /// <summary>The change the words say, or null for a qualifier.</summary>
    public Change? Change => Meaning switch
    {
        WordMeaning.Increase => Model.Change.Increase,
        WordMeaning.Decrease => Model.Change.Decrease,
        _ => null,
    };
}

/// <summary>What a qualifier or change word means; <see cref="None"/> extends raw without qualifying the figure (元整).</summary>
public enum WordMeaning { MoreThan, Approx, AtLeast, AtMost, LessThan, None, Increase, Decrease }

/// <summary>Where a word stands from the number it governs: directly before it, or anywhere earlier in the clause (不低于…).</summary>
public enum WordReach { Adjacent, Clause }

/// <summary>A phrase and the figures the extractor must find in it, field by field (only the fields given are checked).</summary>
public sealed record FigureExample(string Text, IReadOnlyList<IReadOnlyDictionary<string, string?>> Figures, string RuleId);

/// <summary>Text after a number that makes it part of a date (年, 月, 日…), optionally only for numbers of a given shape.</summary>
public sealed record DateSuffixRule(string Id, Regex Pattern, Regex? WhenNumber, IReadOnlyList<FigureExample> Examples);

/// <summary>A name or term that contains a numeral but is not a quantity (国道310, 两癌, 百城提质).</summary>
public sealed record NotFigureRule(string Id, Regex Pattern, IReadOnlyList<FigureExample> Examples);
