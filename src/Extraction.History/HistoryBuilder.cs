using System.Globalization;
using Extraction.Metrics;
using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// Derives the task histories from the stored bulletins: series, task identities, canonical
/// department names, how each task stands in each bulletin and audit findings. It reads and writes nothing itself: the storage layer gives it the facts and writes
/// what it derives, replacing what was derived before, so it always agrees with the bulletins.
/// </summary>
public sealed class HistoryBuilder(RuleSet rules)
{
    /// <summary>How many series are built at once (at most the number of cores).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    private readonly TaskLinker linker = new(rules.History);
    private readonly Assessor assessor = new(rules.History, rules.Folding);
    private readonly Auditor auditor = new(rules.History);

    /// <summary>
    /// Series are independent of each other: each is built on its own core, and the results are
    /// taken in the order of the series, so a build gives the same rows however many cores ran it.
    /// </summary>
    public HistoryResult Build(HistoryFacts facts)
    {
        var tasks = facts.Tasks.ToLookup(t => t.BulletinId);
        var reports = facts.Reports.ToDictionary(r => r.TaskId);
        var figures = facts.Figures.ToLookup(f => (f.TaskId, f.Field));
        var built = facts.Bulletins.GroupBy(SeriesKey).AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Clamp(Parallelism, 1, 512))
            .Select(group => BuildSeries(group.Key, [.. group], tasks, reports, figures))
            .ToList();
        return new HistoryResult(
            [.. built.Select(b => b.Series)],
            [.. built.SelectMany(b => b.Assessments)],
            [.. built.SelectMany(b => b.Findings)],
            [.. facts.Departments.Select(d => d with { Text = CanonicalName(d.Text) })]);
    }

    private (SeriesResult Series, List<Assessment> Assessments, List<Finding> Findings) BuildSeries(
        string key, List<BulletinFacts> bulletins, ILookup<long, TaskFacts> tasks, Dictionary<long, ReportFacts> reports, ILookup<(long TaskId, string Field), StoredFigure> figures)
    {
        var assessments = new List<Assessment>();
        var findings = new List<Finding>();
        var ordered = bulletins.OrderBy(b => b.Date).ThenBy(b => b.Issue).ToList();
        var links = linker.Link([.. ordered.Select(b => (IReadOnlyList<TaskText>)[.. tasks[b.Id].Select(t => new TaskText(t.Id, t.Number, t.Text))])]);
        var byTask = links.ToDictionary(l => l.TaskId);
        var timelines = new Dictionary<int, List<(Report, double?)>>();
        var latest = new Dictionary<int, TaskFacts>();
        foreach (var bulletin in ordered)
        {
            foreach (var task in tasks[bulletin.Id])
            {
                var identity = byTask[task.Id].Identity;
                latest[identity] = task;
                var report = reports.GetValueOrDefault(task.Id);

                var (assessment, found) = assessor.Assess(bulletin, task, report, [.. figures[(task.Id, "target")]], [.. figures[(task.Id, "progress")]]);
                assessments.Add(assessment);
                findings.AddRange(found);
                if (report is not null)
                {
                    timelines.TryAdd(identity, []);
                    timelines[identity].Add((new Report(bulletin.Id, task.Id, task.Number, bulletin.Issue, bulletin.Date, report.AsOf), assessment.Completion));
                }
            }
        }

        foreach (var timeline in timelines.Values)
        {
            findings.AddRange(auditor.History(timeline));
        }

        var identities = links.GroupBy(l => l.Identity).OrderBy(g => g.Key)
            .Select(g => new IdentityResult(latest[g.Key].Number, Label(latest[g.Key].Text), [.. g]))
            .ToList();
        var first = ordered[0];
        return (new SeriesResult(key, first.Issuer, first.Series, first.ProgrammeYear, [.. ordered.Select(b => b.Id)], identities), assessments, findings);
    }

    /// <summary>A unit's canonical name: in simplified characters, its abbreviation written out (區住建局 → 区住房和城乡建设局).</summary>
    public string CanonicalName(string name) => rules.Departments.Canonical(rules.Folding.Fold(name));

    /// <summary>Bulletins of one issuer, series name and programme year are a series; a bulletin naming neither issuer nor series stands alone.</summary>
    public static string SeriesKey(BulletinFacts b) =>
        b.Issuer is null && b.Series is null
            ? $"bulletin:{b.Id}"
            : string.Join('\u001F', b.Issuer ?? "", b.Series ?? "", b.ProgrammeYear?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static string Label(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
