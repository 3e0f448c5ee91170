using System.Globalization;
using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// What a careful reader finds that does not add up: a stated completion far from the one its
/// figures give, a completion beyond belief or computed from a per-head amount, a printed
/// verdict the figures contradict, a task the bulletin marks as not reported, a completion
/// that falls from one issue to the next, a progress date after the bulletin's own date.
/// </summary>
public sealed class Auditor(HistoryRules rules)
{
    private readonly ScheduleJudge schedule = new(rules);

    /// <param name="computed">The status worked out from the completion and the time elapsed, before any printed verdict.</param>
    /// <param name="elapsed">The time elapsed at the report's date, in % of the programme year.</param>
    public IEnumerable<Finding> Report(Report report, IReadOnlyList<Measure> measures, Completion? stated, PrintedVerdict? printed, string? computed, IEnumerable<(StoredFigure Target, StoredFigure Total)> perUnit, double? elapsed = null)
    {
        // A stated rate that agrees with any measure is consistent: 完成率84% may speak of the
        // second target (168户 of 200户) while the primary one (2个 of 4个) is at 50%.
        var paired = measures.Where(m => m.Completion is not null).ToList();
        if (stated is not null && paired.Count > 0 && paired.All(m => Math.Abs(m.Completion!.Value - stated.Percent) > rules.StatedTolerance))
        {
            var first = paired[0];
            yield return Finding(report, "stated_vs_figures", $"{stated.Detail}; {first.Detail}",
                $"states {stated.Detail} but {first.Detail} is {Percent(first.Completion!.Value)}, {Points(first.Completion.Value - stated.Percent)} points apart (tolerance {rules.StatedTolerance})");
        }

        foreach (var measure in paired.Where(m => m.Completion > rules.Measures.PlausibleAtMost))
        {
            yield return Finding(report, "implausible_completion", measure.Detail,
                $"{measure.Detail} is {Percent(measure.Completion!.Value)}, above the plausible {Percent(rules.Measures.PlausibleAtMost)}: not used as a completion");
        }

        if (stated is not null && stated.Percent > rules.Measures.PlausibleAtMost)
        {
            yield return Finding(report, "implausible_completion", stated.Detail, $"states {stated.Detail}, above the plausible {Percent(rules.Measures.PlausibleAtMost)}: not used as a completion");
        }

        var perHead = perUnit.ToList();
        if (perHead.Count > 0)
        {
            var targets = string.Join("、", perHead.Select(p => p.Target.Raw).Distinct());
            var total = perHead[0].Total.Raw;
            yield return Finding(report, "per_unit_target", $"{total}; {targets}",
                $"{targets} {(perHead.Count > 1 ? "are amounts" : "is an amount")} per head or unit, {total} a total: no completion is computed from them");
        }

        if (printed is { Status: PrintedStatus.NotReported })
        {
            yield return Finding(report, "not_reported", printed.Raw, $"the bulletin marks the task as not reported ({printed.Raw})");
        }
        else if (printed is not null && VerdictReader.Contradicts(printed.Status, computed) && !AnyMeasureAgrees(printed, measures, elapsed))
        {
            yield return Finding(report, "verdict_disagrees", printed.Raw,
                $"the bulletin prints {printed.Raw} ({Snake(printed.Status)}) but its figures make it {computed}");
        }

        if (report.AsOf is { } asOf && report.BulletinDate is { } published && asOf > published)
        {
            yield return Finding(report, "date_after_bulletin", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"progress as of {asOf:yyyy-MM-dd} in a bulletin dated {published:yyyy-MM-dd}");
        }
    }

    /// <summary>A verdict may speak of a secondary measure (托位建设低于序时进度 while the stations are ahead): consistent when any measure agrees.</summary>
    private bool AnyMeasureAgrees(PrintedVerdict printed, IReadOnlyList<Measure> measures, double? elapsed) =>
        measures.Skip(1).Any(m => m.Completion is { } c && !VerdictReader.Contradicts(printed.Status, schedule.Status(c, elapsed, "")));

    /// <summary>Consecutive reports of one task, in date order: completion should not fall.</summary>
    public IEnumerable<Finding> History(IReadOnlyList<(Report Report, double? Completion)> reports)
    {
        for (var i = 1; i < reports.Count; i++)
        {
            var (before, was) = reports[i - 1];
            var (after, now) = reports[i];
            if (was is { } a && now is { } b && b < a - 0.05)
            {
                yield return Finding(after, "cumulative_decrease", $"{Percent(a)} → {Percent(b)}",
                    $"completion fell from {Percent(a)} (issue {before.Issue?.ToString(CultureInfo.InvariantCulture) ?? "?"}, {before.BulletinDate:yyyy-MM-dd}) to {Percent(b)}");
            }
        }
    }

    private static Finding Finding(Report report, string kind, string figures, string reason) =>
        new(report.BulletinId, report.TaskId, kind, figures, $"task {report.Number}: {reason}");

    internal static string Snake(PrintedStatus status) => RuleSetLoader.SnakeCase(status.ToString());

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Points(double value) => Math.Abs(value).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One report of a task, with what the audit needs to place it.</summary>
public sealed record Report(long BulletinId, long TaskId, int Number, int? Issue, DateOnly? BulletinDate, DateOnly? AsOf);

/// <param name="Figures">The printed figures the finding is about (7380人 of 16000人; 64.1%).</param>
public sealed record Finding(long BulletinId, long? TaskId, string Kind, string Figures, string Message);
