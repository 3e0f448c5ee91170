using System.Text.RegularExpressions;
using Extraction.Figures.Numbers;
using Extraction.Rules;

namespace Extraction.Figures.Dates;

/// <summary>Resolves the dates a bulletin writes: its own date, and the as-of date that opens a progress paragraph.</summary>
public sealed class DateResolver(DateRules rules, TextFolding? folding = null)
{
    private const int OpeningLength = 48;

    private readonly TextFolding folding = folding ?? TextFolding.None;

    /// <summary>The first document date found in <paramref name="text"/> (2020年6月4日, 二〇二三年九月十日, 20191012).</summary>
    public DateOnly? ParseDocumentDate(string printed)
    {
        var text = folding.Fold(printed);
        foreach (var rule in rules.DocumentDates)
        {
            var match = rule.Pattern.Match(text);
            if (match.Success && ToDate(Number(match, "year"), Number(match, "month"), Number(match, "day")) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// The date a progress paragraph or statement speaks for. Only a date phrase at the start
    /// counts; a month without a year belongs to <paramref name="programmeYear"/>.
    /// </summary>
    /// <param name="reportingPeriod">The period the bulletin's title states, for phrases that defer to it (今年以来).</param>
    public AsOf? ResolveAsOf(string progressText, int? programmeYear, DateOnly? bulletinDate, DateOnly? reportingPeriod = null)
    {
        // As-of phrases open the paragraph; the rest of it is never looked at.
        var opening = progressText.AsSpan().TrimStart();
        var text = folding.Fold(opening[..Math.Min(opening.Length, OpeningLength)].ToString());
        foreach (var asOf in rules.AsOf)
        {
            var match = asOf.Rule.Pattern.Match(text);
            if (match.Success)
            {
                var date = Resolve(asOf.Resolve, match, programmeYear, bulletinDate, reportingPeriod);
                return date is null ? null : new AsOf(date.Value, asOf.Rule, match.Index, match.Length);
            }
        }

        return null;
    }

    /// <summary>The period a title or caption states anywhere in it (…推进情况（截至10月31日）, 前三季度…), or null.</summary>
    public AsOf? FindPeriod(string printed, int? programmeYear)
    {
        var text = folding.Fold(printed);
        foreach (var period in rules.Periods)
        {
            foreach (Match match in period.Rule.Pattern.Matches(text))
            {
                if (Resolve(period.Resolve, match, programmeYear, null, null) is { } date)
                {
                    return new AsOf(date, period.Rule, match.Index, match.Length);
                }
            }
        }

        return null;
    }

    private static DateOnly? Resolve(DateResolve resolve, Match match, int? programmeYear, DateOnly? bulletinDate, DateOnly? reportingPeriod)
    {
        var year = Number(match, "year") ?? programmeYear;
        return resolve switch
        {
            DateResolve.BulletinDate => bulletinDate,
            DateResolve.ReportingPeriod => reportingPeriod ?? bulletinDate,
            DateResolve.Day => ToDate(year, Number(match, "month"), Number(match, "day")),
            DateResolve.MonthEnd => MonthEnd(year, Number(match, "month")),
            DateResolve.QuarterEnd => MonthEnd(year, Number(match, "quarter") * 3),
            DateResolve.HalfEnd => MonthEnd(year, match.Groups["half"].Value == "上" ? 6 : 12),
            DateResolve.YearEnd => MonthEnd(year, 12),
            _ => throw new ArgumentOutOfRangeException(nameof(resolve), resolve, null),
        };
    }

    private static int? Number(Match match, string group)
    {
        var g = match.Groups[group];
        return g.Success ? Numeral.ToInt(g.Value) : null;
    }

    private static DateOnly? MonthEnd(int? year, int? month) =>
        year is { } y && month is >= 1 and <= 12 && y is >= 1 and <= 9999
            ? new DateOnly(y, month.Value, DateTime.DaysInMonth(y, month.Value))
            : null;

    private static DateOnly? ToDate(int? year, int? month, int? day) =>
        year is { } y && month is { } m && day is { } d && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}

/// <summary>A resolved as-of date, the rule that read it and where its phrase sits in the text.</summary>
public sealed record AsOf(DateOnly Date, PatternRule Rule, int Start, int Length);
