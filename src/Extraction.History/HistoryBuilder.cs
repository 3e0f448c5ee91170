using System.Globalization;
using Dapper;
using Extraction.Metrics;
using Extraction.Rules;
using Microsoft.Data.Sqlite;

namespace Extraction.History;

/// <summary>
/// Derives the task histories from the stored bulletins, in one transaction: series, task
/// identities, canonical department names, completion and schedule status of every report,
/// audit findings, and the search index. Run after every ingest; it replaces what it derived
/// before, so it always agrees with the bulletins.
/// </summary>
public sealed class HistoryBuilder(RuleSet rules, WordSegmenter words)
{
    private readonly TaskLinker linker = new(rules.History);
    private readonly CompletionCalculator completion = new(rules.History, rules.Folding);
    private readonly ScheduleJudge schedule = new(rules.History);
    private readonly Auditor auditor = new(rules.History);

    public HistorySummary Rebuild(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        foreach (var sql in new[]
        {
            "UPDATE tasks SET identity_id = NULL, identity_confidence = NULL, identity_method = NULL",
            "UPDATE bulletins SET series_id = NULL",
            "DELETE FROM task_identities", "DELETE FROM series", "DELETE FROM audit_findings", "DELETE FROM search_fts",
        })
        {
            connection.Execute(sql, transaction: tx);
        }

        var departments = CanonicalDepartments(connection, tx);
        var bulletins = connection.Query<BulletinRow>("SELECT id, issuer, series, year AS YearValue, date, issue AS IssueValue FROM bulletins", transaction: tx).ToList();
        var tasks = connection.Query<TaskRow>("SELECT id, bulletin_id AS BulletinId, number AS NumberValue, text FROM tasks ORDER BY bulletin_id, position", transaction: tx).ToLookup(t => t.BulletinId);
        var progress = connection.Query<ProgressRow>("SELECT task_id AS TaskId, as_of AS AsOf, text FROM progress", transaction: tx).ToDictionary(p => p.TaskId);
        var figures = connection.Query<StoredFigure>("SELECT task_id AS TaskId, field, position AS Position, raw, value, unit, kind, qualifier, change, metric, start AS Start FROM figures WHERE task_id IS NOT NULL ORDER BY task_id, field, position", transaction: tx)
            .ToLookup(f => (f.TaskId, f.Field));

        var identities = 0;
        var findings = new List<Finding>();
        foreach (var series in bulletins.GroupBy(SeriesKey))
        {
            var ordered = series.OrderBy(b => b.Date, StringComparer.Ordinal).ThenBy(b => b.Issue).ToList();
            var first = ordered[0];
            var seriesId = connection.ExecuteScalar<long>(
                "INSERT INTO series (key, issuer, series, year) VALUES (@key, @Issuer, @Series, @year) RETURNING id",
                new { key = series.Key, first.Issuer, first.Series, year = ProgrammeYear(first) },
                tx);
            connection.Execute("UPDATE bulletins SET series_id = @seriesId WHERE id IN @ids", new { seriesId, ids = ordered.Select(b => b.Id) }, tx);

            var links = linker.Link([.. ordered.Select(b => (IReadOnlyList<TaskText>)[.. tasks[b.Id].Select(t => new TaskText(t.Id, t.Number, t.Text))])]);
            var identityIds = new Dictionary<int, long>();
            var reports = new Dictionary<int, List<(Report, double?)>>();
            foreach (var bulletin in ordered)
            {
                foreach (var task in tasks[bulletin.Id])
                {
                    var link = links.First(l => l.TaskId == task.Id);
                    if (!identityIds.TryGetValue(link.Identity, out var identityId))
                    {
                        identityId = connection.ExecuteScalar<long>("INSERT INTO task_identities (series_id, number, label) VALUES (@seriesId, 0, '') RETURNING id", new { seriesId }, tx);
                        identityIds[link.Identity] = identityId;
                    }

                    connection.Execute(
                        "UPDATE tasks SET identity_id = @identityId, identity_confidence = @Confidence, identity_method = @Method WHERE id = @TaskId",
                        new { identityId, link.Confidence, link.Method, link.TaskId },
                        tx);
                    connection.Execute("UPDATE task_identities SET number = @Number, label = @label WHERE id = @identityId", new { task.Number, label = Label(task.Text), identityId }, tx);

                    Index(connection, tx, task.Id, "task", task.Text);
                    if (!progress.TryGetValue(task.Id, out var report))
                    {
                        continue;
                    }

                    Index(connection, tx, task.Id, "progress", report.Text);
                    var (done, place) = Assess(connection, tx, bulletin, task, report, figures, findings);
                    reports.TryAdd(link.Identity, []);
                    reports[link.Identity].Add((place, done));
                }
            }

            foreach (var history in reports.Values)
            {
                findings.AddRange(auditor.History(history));
            }

            identities += identityIds.Count;
        }

        foreach (var finding in findings)
        {
            connection.Execute(
                "INSERT INTO audit_findings (bulletin_id, task_id, kind, message) VALUES (@BulletinId, @TaskId, @Kind, @Message)",
                finding,
                tx);
        }

        IndexStatements(connection, tx);
        tx.Commit();
        return new HistorySummary(bulletins.GroupBy(SeriesKey).Count(), identities, findings.Count, departments);
    }

    /// <summary>Completion, time elapsed and status of one report, stored with it; its audit findings collected.</summary>
    private (double? Completion, Report Place) Assess(SqliteConnection connection, SqliteTransaction tx, BulletinRow bulletin, TaskRow task, ProgressRow report, ILookup<(long, string), StoredFigure> figures, List<Finding> findings)
    {
        var targets = figures[(task.Id, "target")].ToList();
        var reported = figures[(task.Id, "progress")].ToList();
        var fromFigures = completion.FromFigures(targets, reported, task.Text);
        var stated = completion.Stated(report.Text, reported);
        var result = fromFigures ?? stated;
        var asOf = Date(report.AsOf);
        double? elapsed = asOf is { } date && ProgrammeYear(bulletin) is { } year ? ScheduleJudge.Elapsed(date, year) : null;
        var status = schedule.Status(result?.Percent, elapsed, report.Text);
        connection.Execute(
            "UPDATE progress SET completion = @completion, completion_basis = @basis, completion_detail = @detail, elapsed = @elapsed, status = @status WHERE task_id = @TaskId",
            new { completion = result?.Percent, basis = result?.Basis, detail = result?.Detail, elapsed, status, report.TaskId },
            tx);

        var place = new Report(bulletin.Id, task.Id, task.Number, bulletin.Issue, Date(bulletin.Date), asOf);
        var explanations = fromFigures is null ? [] : completion.AllFromFigures(targets, reported, task.Text, anyMetric: true).Prepend(fromFigures).ToList();
        findings.AddRange(auditor.Report(place, explanations, stated));
        return (result?.Percent, place);
    }

    private void Index(SqliteConnection connection, SqliteTransaction tx, long taskId, string field, string text) =>
        connection.Execute(
            "INSERT INTO search_fts (words, task_id, field) VALUES (@words, @taskId, @field)",
            new { words = words.ForIndex(text), taskId, field },
            tx);

    /// <summary>Statements are searched like tasks: what a bulletin says outside its tasks is found by its words too.</summary>
    private void IndexStatements(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var (id, text) in connection.Query<(long, string)>("SELECT id, text FROM statements", transaction: tx))
        {
            connection.Execute(
                "INSERT INTO search_fts (words, field, statement_id) VALUES (@words, 'statement', @id)",
                new { words = words.ForIndex(text), id },
                tx);
        }
    }

    private int CanonicalDepartments(SqliteConnection connection, SqliteTransaction tx)
    {
        var names = connection.Query<(long Id, string Name)>("SELECT id, name FROM departments", transaction: tx).ToList();
        foreach (var (id, name) in names)
        {
            connection.Execute("UPDATE departments SET canonical_name = @canonical WHERE id = @id", new { canonical = rules.Departments.Canonical(name), id }, tx);
        }

        return names.Select(n => rules.Departments.Canonical(n.Name)).Distinct().Count();
    }

    /// <summary>Bulletins of one issuer, series name and programme year are a series; a bulletin naming neither issuer nor series stands alone.</summary>
    private static string SeriesKey(BulletinRow b) =>
        b.Issuer is null && b.Series is null
            ? $"bulletin:{b.Id}"
            : string.Join('\u001F', b.Issuer ?? "", b.Series ?? "", ProgrammeYear(b)?.ToString(CultureInfo.InvariantCulture) ?? "");

    private static int? ProgrammeYear(BulletinRow b) => b.Year ?? Date(b.Date)?.Year;

    private static DateOnly? Date(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Label(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed record BulletinRow(long Id, string? Issuer, string? Series, long? YearValue, string? Date, long? IssueValue)
    {
        public int? Year => (int?)YearValue;

        public int? Issue => (int?)IssueValue;
    }

    private sealed record TaskRow(long Id, long BulletinId, long NumberValue, string Text)
    {
        public int Number => (int)NumberValue;
    }

    private sealed record ProgressRow(long TaskId, string? AsOf, string Text);
}

public sealed record HistorySummary(int Series, int TaskIdentities, int Findings, int Departments);
