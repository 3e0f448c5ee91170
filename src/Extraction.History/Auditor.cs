using System.Globalization;
using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// What does not add up in a task's reports: a stated completion far from the one its figures
/// give, a completion that falls from one issue to the next, a progress date after the
/// bulletin's own date.
/// </summary>
public sealed class Auditor(HistoryRules rules)
{
    /// <param name="fromFigures">Every completion the report's figures give, one per target measured.</param>
    public IEnumerable<Finding> Report(Report report, IReadOnlyList<Completion> fromFigures, Completion? stated)
    {
        // A stated rate that agrees with any target's figures is consistent: 完成率84% may speak
        // of the second target (168户 of 200户) while the first (2个 of 4个) is at 50%.
        if (stated is not null && fromFigures.Count > 0 && fromFigures.All(f => Math.Abs(f.Percent - stated.Percent) > rules.StatedTolerance))
        {
            var fromFirst = fromFigures[0];
            yield return new Finding(report.BulletinId, report.TaskId, "stated_vs_figures",
                $"task {report.Number}: states {stated.Detail} but {fromFirst.Detail} is {Percent(fromFirst.Percent)}");
        }

        if (report.AsOf is { } asOf && report.BulletinDate is { } published && asOf > published)
        {
            yield return new Finding(report.BulletinId, report.TaskId, "date_after_bulletin",
                $"task {report.Number}: progress as of {asOf:yyyy-MM-dd} in a bulletin dated {published:yyyy-MM-dd}");
        }
    }

    /// <summary>Consecutive reports of one task, in date order: completion should not fall.</summary>
    public IEnumerable<Finding> History(IReadOnlyList<(Report Report, double? Completion)> reports)
    {
        for (var i = 1; i < reports.Count; i++)
        {
            var (before, was) = reports[i - 1];
            var (after, now) = reports[i];
            if (was is { } a && now is { } b && b < a - 0.05)
            {
                yield return new Finding(after.BulletinId, after.TaskId, "cumulative_decrease",
                    $"task {after.Number}: completion fell from {Percent(a)} (issue {before.Issue?.ToString(CultureInfo.InvariantCulture) ?? "?"}) to {Percent(b)}");
            }
        }
    }

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

/// <summary>One progress report of a task, with what the audit needs to place it.</summary>
public sealed record Report(long BulletinId, long TaskId, int Number, int? Issue, DateOnly? BulletinDate, DateOnly? AsOf);

public sealed record Finding(long BulletinId, long? TaskId, string Kind, string Message);
