using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// A report against the calendar: the share of the programme year gone by at its as-of date
/// (序时进度), and whether the task is done, ahead, on schedule or behind.
/// </summary>
public sealed class ScheduleJudge(HistoryRules rules)
{
    /// <summary>Percent of <paramref name="year"/> elapsed at the end of <paramref name="asOf"/>.</summary>
    public static double Elapsed(DateOnly asOf, int year)
    {
        if (asOf.Year < year)
        {
            return 0;
        }

        if (asOf.Year > year)
        {
            return 100;
        }

        return 100.0 * asOf.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365);
    }

    public string? Status(double? completion, double? elapsed, string progressText)
    {
        if (completion >= rules.DoneAt || rules.DoneWords.Any(w => progressText.Contains(w, StringComparison.Ordinal)))
        {
            return "done";
        }

        if (completion is not { } done || elapsed is not { } time)
        {
            return null;
        }

        return done > time + rules.AheadBy ? "ahead"
            : done < time - rules.BehindBy ? "behind"
            : "on_schedule";
    }
}
