using System.Globalization;
using System.Text.RegularExpressions;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>
/// Reads what starts at one position of a text: a figure, or the extent of something that
/// looks like one but is not (a date, a code, an ordinal). Only the characters from the
/// number onwards are read here; the words before it are <see cref="FigureContext"/>'s.
/// </summary>
internal sealed class FigureReader
{
    private const int Window = 12;

    private readonly FigureRules rules;
    private readonly UnitMatcher units;
    private readonly WordMatcher suffixes;
    private readonly UnitRule? percent;
    private readonly (string Form, UnitRule Unit, Subunit Subunit)[] standaloneSubunits;

    // Arrays, not the rules' lists: these are walked at every candidate position, and a foreach
    // over an interface allocates an enumerator each time.
    private readonly string[] percentPrefixes;
    private readonly string[] signWords;
    private readonly string[] rangeSeparators;
    private readonly string[] halfWords;
    private readonly Regex? unconditionalDateSuffix;
    private readonly DateSuffixRule[] conditionalDateSuffixes;
    private readonly bool[] mayStart = new bool[char.MaxValue + 1];
    private readonly bool[] mayContinue = new bool[char.MaxValue + 1];

    public FigureReader(FigureRules rules)
    {
        this.rules = rules;
        percentPrefixes = [.. rules.PercentPrefixes];
        signWords = [.. rules.SignWords];
        rangeSeparators = [.. rules.RangeSeparators];
        halfWords = [.. rules.HalfWords];
        // One pass over the suffixes that hold for any number instead of one per rule.
        var unconditional = rules.DateSuffixes.Where(d => d.WhenNumber is null).Select(d => $"(?:{d.Pattern})").ToList();
        unconditionalDateSuffix = unconditional.Count == 0 ? null : new Regex(string.Join('|', unconditional), RegexOptions.CultureInvariant | (rules.DateSuffixes.First(d => d.WhenNumber is null).Pattern.Options & RegexOptions.Compiled));
        conditionalDateSuffixes = [.. rules.DateSuffixes.Where(d => d.WhenNumber is not null)];
        foreach (var c in "0123456789０１２３４５６７８９第十拾半零〇" + string.Concat(percentPrefixes.Select(p => p[0])) + string.Concat(signWords.Select(w => w[0])))
        {
            mayStart[c] = true;
        }

        for (var c = '\u4E00'; c <= '\u9FFF'; c++)
        {
            mayStart[c] |= Numbers.ChineseNumerals.DigitValue(c) > 0;
        }

        // What may follow a number that is more than a bare number: a unit, a magnitude, a
        // qualifier, a range. A Chinese numeral followed by none of these is passed over cheaply.
        var continuations = rules.Units.SelectMany(u => u.Forms.Concat(u.Subunits.SelectMany(s => s.Forms)))
            .Concat(rules.SuffixQualifiers.SelectMany(q => q.Words))
            .Concat(rangeSeparators)
            .Concat(halfWords)
            .Select(w => w[0])
            .Concat(rules.Magnitudes.Keys);
        foreach (var c in continuations)
        {
            mayContinue[c] = true;
        }

        units = new UnitMatcher(rules.Units);
        suffixes = new WordMatcher(rules.SuffixQualifiers);
        percent = rules.Units.FirstOrDefault(u => u.Kind == FigureKind.Percent && u.Forms.Contains("%"));
        standaloneSubunits = [.. rules.Units.SelectMany(u => u.Subunits.Where(s => s.Standalone).SelectMany(s => s.Forms.Select(f => (f, u, s))))];
    }

    /// <summary>False for a character that cannot open a figure, so that most of a text is passed over at once.</summary>
    public bool MayStart(char c) => mayStart[c];

    public (Reading? Figure, int Next) ReadAt(string text, int i)
    {
        if (text[i] is '第')
        {
            return ReadOrdinal(text, i);
        }

        foreach (var prefix in percentPrefixes)
        {
            if (text.AsSpan(i).StartsWith(prefix, StringComparison.Ordinal))
            {
                var at = i + prefix.Length;
                var sign = Array.Find(signWords, w => text.AsSpan(at).StartsWith(w, StringComparison.Ordinal));
                if (NumberReader.Read(text, at + (sign?.Length ?? 0), leadingMultiplier: true) is { } number)
                {
                    var end = number.End;
                    var qualifier = Suffix(text, ref end);
                    return (new Reading(i, end, sign is null ? number.Value : -number.Value, null, percent, qualifier, IsRank: false), end);
                }
            }
        }

        foreach (var sign in signWords)
        {
            if (text.AsSpan(i).StartsWith(sign, StringComparison.Ordinal) && StartsNumber(text, i + sign.Length)
                && (i == 0 || !(Numeral.IsArabicDigit(text[i - 1]) || char.IsAsciiLetter(text[i - 1]) || ChineseNumerals.IsNumeralChar(text[i - 1]))))
            {
                return ReadQuantity(text, i, i + sign.Length);
            }
        }

        return StartsNumber(text, i) ? ReadQuantity(text, i, i) : (null, i + 1);
    }

    private static bool StartsNumber(string text, int i) =>
        i < text.Length && (Numeral.IsArabicDigit(text[i]) || NumberReader.IsChineseStart(text, i));

    private (Reading?, int) ReadOrdinal(string text, int i)
    {
        if (NumberReader.Read(text, i + 1) is not { } number)
        {
            return (null, i + 1);
        }

        return rules.RankContext.IsMatch(Before(text, i)) || rules.RankSuffix.IsMatch(text.AsSpan(number.End, Math.Min(2, text.Length - number.End)))
            ? (new Reading(i, number.End, number.Value, null, null, null, IsRank: true), number.End)
            : (null, number.End);
    }

    /// <summary>Reads NUMBER [range] [magnitudes and 余] [more groups] [UNIT [subunits] [半] [range]] [suffix].</summary>
    private (Reading?, int) ReadQuantity(string text, int rawStart, int start)
    {
        if (NumberReader.Read(text, start) is not { } number)
        {
            return (null, start + 1);
        }

        // 一百千瓦: the numeral's last 千 opens the unit.
        if (number.IsChinese && units.Match(text, number.End, true) is null && units.Match(text, number.End - 1, true) is not null
            && NumberReader.Shorten(text, number) is { } shorter)
        {
            number = shorter;
        }

        if (number.IsChinese && (number.End >= text.Length || !mayContinue[text[number.End]])
            && !BareNumberIsFigure(text, rawStart, number.End, isChinese: true))
        {
            return (null, number.End);
        }

        if (rules.CodePrefix.IsMatch(Before(text, rawStart)) || IsDate(text, number))
        {
            return (null, number.End);
        }

        var end = number.End;
        decimal? upper = null;
        if (RangeEnd(text, end, number.IsChinese) is { } high)
        {
            if (IsDate(text, high))
            {
                return (null, high.End);
            }

            upper = high.Value;
            end = high.End;
        }

        var (factor, qualifier) = Magnitudes(text, ref end, number.IsChinese);
        var value = number.Value * factor;
        if (upper is null && factor > 1 && MagnitudeRangeEnd(text, ref end, number.IsChinese, factor) is { } magnitudeUpper)
        {
            upper = magnitudeUpper / factor;
        }
        else if (upper is null)
        {
            value += MoreGroups(text, ref end, factor);
        }

        upper *= factor;
        var unit = units.Match(text, end, number.IsChinese);
        UnitRule? unitRule = null;
        if (unit is { } matched)
        {
            unitRule = matched.Unit;
            end += matched.Form.Length;
            value += Subunits(text, ref end, matched.Unit);
            value += Half(text, ref end, factor);
            upper = SameUnitRangeEnd(text, ref end, matched.Unit, upper);
        }
        else if (factor == 1 && upper is null && StandaloneSubunit(text, end) is { } sub)
        {
            unitRule = sub.Unit;
            end += sub.Form.Length;
            value = (value * sub.Subunit.Factor) + Subunits(text, ref end, sub.Unit, after: sub.Subunit);
        }

        var suffix = Suffix(text, ref end);
        qualifier = suffix ?? qualifier;

        // A qualifier after a bare number marks it as a quantity (五百以上的产品).
        if (unitRule is null && suffix is null && !BareNumberIsFigure(text, rawStart, end, number.IsChinese))
        {
            return (null, end);
        }

        var negative = start > rawStart;
        return (new Reading(rawStart, end, negative ? -value : value, negative ? -upper : upper, unitRule, qualifier, IsRank: false), end);
    }

    private bool BareNumberIsFigure(string text, int start, int end, bool isChinese) =>
        isChinese
            ? rules.BareChineseBefore.IsMatch(Before(text, start)) && rules.BareChineseAfter.IsMatch(After(text, end))
            : !rules.BareNumberNotBefore.IsMatch(After(text, end)) && !rules.BareNumberNotAfter.IsMatch(Before(text, start));

    /// <summary>Magnitude words and an inner 余/多 between the number and its unit: 3.8万, 130余万, 4.78万亿.</summary>
    private (decimal Factor, Qualifier? Qualifier) Magnitudes(string text, ref int end, bool isChinese)
    {
        var factor = 1m;
        Qualifier? qualifier = null;
        while (end < text.Length && units.Match(text, end, isChinese) is null)
        {
            if (rules.Magnitudes.TryGetValue(text[end], out var magnitude) && factor * magnitude <= 1e16m)
            {
                factor *= magnitude;
                end++;
            }
            else if (suffixes.StartingAt(text, end) is { Word.Length: 1 } inner && inner.Rule.Meaning == WordMeaning.MoreThan
                     && end + 1 < text.Length && (rules.Magnitudes.ContainsKey(text[end + 1]) || units.Match(text, end + 1, isChinese) is not null))
            {
                qualifier = Qualifier.MoreThan;
                end++;
            }
            else
            {
                break;
            }
        }

        return (factor, qualifier);
    }

    /// <summary>Groups of falling magnitude after the first: 5万4千6百 → 4千 and 6百 (added to 5万).</summary>
    private decimal MoreGroups(string text, ref int end, decimal lastFactor)
    {
        var added = 0m;
        while (lastFactor > 1 && NumberReader.Read(text, end) is { } next && !IsDate(text, next))
        {
            var at = next.End;
            var factor = 1m;
            while (at < text.Length && rules.Magnitudes.TryGetValue(text[at], out var magnitude) && units.Match(text, at, next.IsChinese) is null)
            {
                factor *= magnitude;
                at++;
            }

            // 3万4000: a last group without a magnitude fills the places of the one before.
            if (factor == 1 && !next.IsChinese && next.IsInteger && next.End - next.Start == Places(lastFactor))
            {
                added += next.Value;
                end = next.End;
                break;
            }

            if (factor <= 1 || factor >= lastFactor)
            {
                break;
            }

            added += next.Value * factor;
            lastFactor = factor;
            end = at;
        }

        return added;
    }

    private static int Places(decimal factor)
    {
        var places = 0;
        for (; factor >= 10; factor /= 10)
        {
            places++;
        }

        return places;
    }

    /// <summary>Smaller units folded into the value: 50元6角三分 → 50.63, 壹元零壹分 → 1.01.</summary>
    private decimal Subunits(string text, ref int end, UnitRule unit, Subunit? after = null)
    {
        var added = 0m;
        var remaining = after is null ? unit.Subunits : unit.Subunits.SkipWhile(s => s != after).Skip(1).ToList();
        foreach (var subunit in remaining)
        {
            var at = end < text.Length && text[end] is '零' or '〇' ? end + 1 : end;
            if (NumberReader.Read(text, at) is not { } n)
            {
                break;
            }

            var form = subunit.Forms.FirstOrDefault(f => text.AsSpan(n.End).StartsWith(f, StringComparison.Ordinal));
            if (form is null)
            {
                continue;
            }

            added += n.Value * subunit.Factor;
            end = n.End + form.Length;
        }

        return added;
    }

    private (string Form, UnitRule Unit, Subunit Subunit)? StandaloneSubunit(string text, int at)
    {
        foreach (var candidate in standaloneSubunits)
        {
            if (text.AsSpan(at).StartsWith(candidate.Form, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>一吨半 = 1.5 吨: a half after the unit of a whole number.</summary>
    private decimal Half(string text, ref int end, decimal factor)
    {
        foreach (var half in halfWords)
        {
            if (factor == 1 && text.AsSpan(end).StartsWith(half, StringComparison.Ordinal))
            {
                end += half.Length;
                return 0.5m;
            }
        }

        return 0m;
    }

    private NumberToken? RangeEnd(string text, int end, bool isChinese)
    {
        foreach (var separator in rangeSeparators)
        {
            if (text.AsSpan(end).StartsWith(separator, StringComparison.Ordinal)
                && NumberReader.Read(text, end + separator.Length) is { } upper
                && upper.IsChinese == isChinese)
            {
                return upper;
            }
        }

        return null;
    }

    /// <summary>5万至8万元: a range whose ends both carry the magnitude.</summary>
    private decimal? MagnitudeRangeEnd(string text, ref int end, bool isChinese, decimal factor)
    {
        if (RangeEnd(text, end, isChinese) is not { } high || IsDate(text, high))
        {
            return null;
        }

        var after = high.End;
        var (highFactor, _) = Magnitudes(text, ref after, isChinese);
        if (highFactor != factor)
        {
            return null;
        }

        end = after;
        return high.Value * highFactor;
    }

    /// <summary>60%到80%: a range whose ends both carry the unit.</summary>
    private decimal? SameUnitRangeEnd(string text, ref int end, UnitRule unit, decimal? upper)
    {
        if (upper is not null || RangeEnd(text, end, isChinese: false) is not { } high || IsDate(text, high))
        {
            return upper;
        }

        var after = high.End;
        var (factor, _) = Magnitudes(text, ref after, high.IsChinese);
        if (units.Match(text, after, high.IsChinese) is not { } second || second.Unit != unit)
        {
            return upper;
        }

        end = after + second.Form.Length;
        return high.Value * factor;
    }

    private Qualifier? Suffix(string text, ref int end)
    {
        if (suffixes.StartingAt(text, end) is not { } suffix)
        {
            return null;
        }

        end += suffix.Word.Length;
        return suffix.Rule.Qualifier;
    }

    private bool IsDate(string text, NumberToken number)
    {
        var after = After(text, number.End);
        if (unconditionalDateSuffix?.IsMatch(after) == true)
        {
            return true;
        }

        foreach (var suffix in conditionalDateSuffixes)
        {
            if (number.IsInteger && suffix.Pattern.IsMatch(after) && suffix.WhenNumber!.IsMatch(number.Value.ToString("0", CultureInfo.InvariantCulture)))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Before(string text, int at) => text.AsSpan(Math.Max(0, at - Window), Math.Min(at, Window));

    private static ReadOnlySpan<char> After(string text, int at) => text.AsSpan(at, Math.Min(Window, text.Length - at));
}
