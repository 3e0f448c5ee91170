using System.Globalization;
using System.Text.RegularExpressions;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>
/// Finds the figures of a text in reading order. A figure is read as
/// <c>[prefix] NUMBER [余] [magnitude] [余] [UNIT] [suffix]</c>; the vocabulary of each part
/// comes from the rules, this class only holds the mechanism. It never throws on any text.
/// </summary>
public sealed class FigureExtractor
{
    private const int ContextWindow = 12;

    private readonly FigureRules rules;
    private readonly UnitMatcher units;
    private readonly WordMatcher suffixQualifiers;
    private readonly WordMatcher prefixQualifiers;
    private readonly WordMatcher changes;
    private readonly WordMatcher fillers;
    private readonly Regex? notFigures;
    private readonly UnitRule? percentUnit;

    public FigureExtractor(FigureRules rules)
    {
        this.rules = rules;
        units = new UnitMatcher(rules.Units);
        suffixQualifiers = new WordMatcher(rules.SuffixQualifiers);
        prefixQualifiers = new WordMatcher(rules.PrefixQualifiers);
        changes = new WordMatcher(rules.Changes);
        fillers = new WordMatcher([new WordRule("fillers", rules.ChangeFillers, "", "adjacent", [], [])]);
        notFigures = rules.NotFigures.Count == 0
            ? null
            : new Regex(string.Join('|', rules.NotFigures.Select(n => $"(?:{n.Pattern})")), RegexOptions.CultureInvariant);
        percentUnit = rules.Units.FirstOrDefault(u => u.Kind == "percent" && u.Forms.Contains("%"));
    }

    public IReadOnlyList<Figure> Extract(string text)
    {
        var figures = new List<Figure>();
        var blocked = new BlockedSpans(notFigures, text);
        Found? previous = null;
        var i = 0;
        while (i < text.Length)
        {
            if (blocked.EndIfInside(i) is { } blockEnd)
            {
                i = blockEnd;
                continue;
            }

            var (found, next) = ReadAt(text, i);
            if (found is { } figure)
            {
                var described = Describe(text, figure, previous);
                figures.Add(described.Figure);
                previous = described;
            }

            i = Math.Max(next, i + 1);
        }

        return figures;
    }

    /// <summary>Reads whatever starts at <paramref name="i"/>: a figure, or the end of something that is not one.</summary>
    private (Reading? Figure, int Next) ReadAt(string text, int i)
    {
        var c = text[i];
        if (c is '第')
        {
            return ReadOrdinal(text, i);
        }

        foreach (var prefix in rules.PercentPrefixes)
        {
            if (text.AsSpan(i).StartsWith(prefix, StringComparison.Ordinal) && ReadNumber(text, i + prefix.Length) is { } percent)
            {
                return (new Reading(i, percent.End, percent.Value, null, percentUnit, null, IsRank: false), percent.End);
            }
        }

        if (Numeral.IsArabicDigit(c) || IsChineseStart(c))
        {
            return ReadQuantity(text, i);
        }

        return (null, i + 1);
    }

    private (Reading?, int) ReadOrdinal(string text, int i)
    {
        if (ReadNumber(text, i + 1) is not { } number)
        {
            return (null, i + 1);
        }

        var before = text.AsSpan(Math.Max(0, i - ContextWindow), Math.Min(i, ContextWindow));
        return rules.RankContext.IsMatch(before)
            ? (new Reading(i, number.End, number.Value, null, null, null, IsRank: true), number.End)
            : (null, number.End);
    }

    private (Reading?, int) ReadQuantity(string text, int start)
    {
        if (ReadNumber(text, start) is not { } number)
        {
            return (null, start + 1);
        }

        var before = text.AsSpan(Math.Max(0, start - ContextWindow), Math.Min(start, ContextWindow));
        if (rules.CodePrefix.IsMatch(before) || IsDate(text, number))
        {
            return (null, number.End);
        }

        var end = number.End;
        decimal? valueMax = null;
        if (ReadRangeEnd(text, number) is { } upper)
        {
            if (IsDate(text, upper))
            {
                return (null, upper.End);
            }

            valueMax = upper.Value;
            end = upper.End;
        }

        // Between the number and its unit: magnitude words and an inner 余/多 (130余万元, 800余名).
        var factor = 1m;
        Qualifier? qualifier = null;
        while (end < text.Length && units.Match(text, end, number.IsChinese) is null)
        {
            if (rules.Magnitudes.TryGetValue(text[end], out var magnitude) && !number.IsChinese)
            {
                factor *= magnitude;
                end++;
            }
            else if (suffixQualifiers.StartingAt(text, end) is { } inner && inner.Word.Length == 1
                     && end + 1 < text.Length && (rules.Magnitudes.ContainsKey(text[end + 1]) || units.Match(text, end + 1, number.IsChinese) is not null))
            {
                qualifier = ParseQualifier(inner.Rule.Meaning);
                end++;
            }
            else
            {
                break;
            }
        }

        var unitMatch = units.Match(text, end, number.IsChinese);
        if (unitMatch is { } matched)
        {
            end += matched.Form.Length;
        }

        if (suffixQualifiers.StartingAt(text, end) is { } suffix)
        {
            qualifier = ParseQualifier(suffix.Rule.Meaning);
            end += suffix.Word.Length;
        }

        if (unitMatch is null && (number.IsChinese || !rules.BareNumberFollower.IsMatch(text.AsSpan(end, Math.Min(2, text.Length - end)))))
        {
            return (null, end);
        }

        return (new Reading(start, end, number.Value * factor, valueMax * factor, unitMatch?.Unit, qualifier, IsRank: false), end);
    }

    private NumberToken? ReadRangeEnd(string text, NumberToken lower)
    {
        foreach (var separator in rules.RangeSeparators)
        {
            if (text.AsSpan(lower.End).StartsWith(separator, StringComparison.Ordinal)
                && ReadNumber(text, lower.End + separator.Length) is { } upper
                && upper.IsChinese == lower.IsChinese)
            {
                return upper;
            }
        }

        return null;
    }

    private bool IsDate(string text, NumberToken number)
    {
        var after = text.AsSpan(number.End, Math.Min(ContextWindow, text.Length - number.End));
        foreach (var suffix in rules.DateSuffixes)
        {
            if (suffix.Pattern.IsMatch(after)
                && (suffix.WhenNumber is null || (number.Value == decimal.Truncate(number.Value)
                    && suffix.WhenNumber.IsMatch(number.Value.ToString("0", CultureInfo.InvariantCulture)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds what the words before the figure say: a prefix qualifier, a change, or the qualifier of the list it belongs to.</summary>
    private Found Describe(string text, Reading reading, Found? previous)
    {
        var qualifier = reading.Qualifier;
        Change? change = null;
        var prefixQualified = false;

        var at = reading.Start;
        if (prefixQualifiers.EndingAt(text, at) is { } adjacent)
        {
            qualifier ??= ParseQualifier(adjacent.Rule.Meaning);
            prefixQualified = true;
            at -= adjacent.Word.Length;
        }

        if (fillers.EndingAt(text, at) is { } filler)
        {
            at -= filler.Word.Length;
        }

        if (changes.EndingAt(text, at) is { } changeWord)
        {
            change = changeWord.Rule.Meaning == "decrease" ? Model.Change.Decrease : Model.Change.Increase;
        }

        if (!prefixQualified)
        {
            var clauseStart = ClauseStart(text, reading.Start, previous?.Reading.End ?? 0);
            if (prefixQualifiers.LastWithin(text, clauseStart, reading.Start, "clause") is { } governing)
            {
                qualifier ??= ParseQualifier(governing.Rule.Meaning);
                prefixQualified = true;
            }
        }

        // 不低于286元、178元: a list continues the qualifier (and change) of its first member.
        if (previous is { } prior && IsListContinuation(text, prior.Reading.End, reading.Start))
        {
            if (!prefixQualified && prior.PrefixQualified && qualifier is null)
            {
                qualifier = prior.Figure.Qualifier;
                prefixQualified = true;
            }

            change ??= prior.Figure.Change;
        }

        var unit = reading.Unit;
        var kind = reading.IsRank ? FigureKind.Rank : unit is null ? FigureKind.Other : Enum.Parse<FigureKind>(unit.Kind, ignoreCase: true);
        var figure = new Figure(
            Raw: text[reading.Start..reading.End],
            Value: (double)reading.Value,
            ValueMax: reading.ValueMax is { } max ? (double)max : null,
            Unit: unit?.Unit ?? "",
            Kind: kind,
            Qualifier: qualifier,
            Change: change,
            Metric: null)
        { Start = reading.Start };
        return new Found(reading, figure, prefixQualified);
    }

    private bool IsListContinuation(string text, int previousEnd, int start)
    {
        var between = text.AsSpan(previousEnd, start - previousEnd);
        foreach (var separator in rules.ListSeparators)
        {
            if (between.SequenceEqual(separator))
            {
                return true;
            }
        }

        return false;
    }

    private static int ClauseStart(string text, int start, int floor)
    {
        var boundary = text.AsSpan(floor, start - floor).LastIndexOfAny("，。；：！？,;:!?\n");
        return boundary < 0 ? floor : floor + boundary + 1;
    }

    private static Qualifier ParseQualifier(string meaning) =>
        Enum.Parse<Qualifier>(meaning.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static bool IsChineseStart(char c) =>
        ChineseNumerals.DigitValue(c) > 0 || c is '十' or '拾';

    /// <summary>Reads an Arabic or Chinese number at <paramref name="at"/>.</summary>
    private static NumberToken? ReadNumber(string text, int at)
    {
        if (at >= text.Length)
        {
            return null;
        }

        if (Numeral.IsArabicDigit(text[at]))
        {
            return ArabicNumber.Read(text, at) is { } arabic ? new NumberToken(arabic.Value, at, arabic.End, IsChinese: false) : null;
        }

        if (!ChineseNumerals.IsNumeralChar(text[at]) || ChineseNumerals.IsMultiplier(text[at]) && text[at] is not ('十' or '拾'))
        {
            return null;
        }

        var end = at;
        while (end < text.Length
               && (ChineseNumerals.IsNumeralChar(text[end])
                   || (text[end] is '点' or '點' && end + 1 < text.Length && ChineseNumerals.IsDigit(text[end + 1]))))
        {
            end++;
        }

        return ChineseNumerals.TryParse(text.AsSpan(at, end - at), out var value)
            ? new NumberToken(value, at, end, IsChinese: true)
            : null;
    }

    private readonly record struct NumberToken(decimal Value, int Start, int End, bool IsChinese);

    private readonly record struct Reading(int Start, int End, decimal Value, decimal? ValueMax, UnitRule? Unit, Qualifier? Qualifier, bool IsRank);

    private readonly record struct Found(Reading Reading, Figure Figure, bool PrefixQualified);
}
