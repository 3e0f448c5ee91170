using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// How one task stands in one bulletin. Its completion is the primary measure's (the first
/// quantified target against the progress figure of the same quantity and state); a stated
/// rate stands in only when no figure measures the primary target, and a completion above the
/// plausibility bound is not believed. The status is worked out from the completion and the time
/// elapsed; where it cannot be, the bulletin's own verdict gives it, and a task without a report
/// is not_reported.
/// </summary>
public sealed class Assessor(HistoryRules rules, TextFolding folding)
{
    private readonly MeasureReader measures = new(rules, folding);
    private readonly VerdictReader verdicts = new(rules, folding);
    private readonly ScheduleJudge schedule = new(rules);
    private readonly Auditor auditor = new(rules);

    public (Assessment Assessment, IReadOnlyList<Finding> Findings) Assess(BulletinFacts bulletin, TaskFacts task, ReportFacts? report, IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress)
    {
        var text = report?.Text ?? "";
        var found = measures.Measures(targets, progress, task.Text, text);
        var stated = report is null ? null : measures.Stated(text, progress);
        var primary = found.FirstOrDefault(m => m.Primary);
        var completion = primary?.Completion is { } percent ? new Completion(percent, "figures", primary.Detail) : stated;
        if (completion?.Percent > rules.Measures.PlausibleAtMost)
        {
            completion = null;
        }

        double? elapsed = report?.AsOf is { } asOf && bulletin.ProgrammeYear is { } year ? ScheduleJudge.Elapsed(asOf, year) : null;
        var computed = report is null ? null : schedule.Status(completion?.Percent, elapsed, text);
        var printed = verdicts.Read(task.Verdict, report?.Text);
        var status = computed ?? (printed is null ? null : Auditor.Snake(printed.Status)) ?? (report is null ? "not_reported" : null);

        var place = new Report(bulletin.Id, task.Id, task.Number, bulletin.Issue, bulletin.Date, report?.AsOf);
        var findings = auditor.Report(place, found, stated, printed, computed, measures.PerUnitAgainstTotals(targets, progress, task.Text, text), elapsed).ToList();
        return (new Assessment(task.Id, completion?.Percent, completion?.Basis, completion?.Detail, elapsed, status, printed, found), findings);
    }
}
