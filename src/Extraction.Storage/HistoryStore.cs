using System.Globalization;
using Dapper;
using Extraction.History;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// The task histories in the database: reads the facts the history is derived from, and
/// writes what <see cref="HistoryBuilder"/> derives in one transaction, replacing what was
/// derived before, so the histories always agree with the stored bulletins.
/// </summary>
public static class HistoryStore
{
    public static HistorySummary Rebuild(SqliteConnection connection, HistoryBuilder builder)
    {
        using var tx = connection.BeginTransaction();
        var result = builder.Build(Facts(connection, tx));
        Clear(connection, tx);
        foreach (var department in result.CanonicalDepartments)
        {
            connection.Execute("UPDATE departments SET canonical_name = @Text WHERE id = @Id", department, tx);
        }

        foreach (var series in result.Series)
        {
            WriteSeries(connection, tx, series);
        }

        foreach (var assessment in result.Assessments)
        {
            WriteAssessment(connection, tx, assessment);
        }

        connection.Execute(
            "INSERT INTO audit_findings (bulletin_id, task_id, kind, figures, message) VALUES (@BulletinId, @TaskId, @Kind, @Figures, @Message)",
            result.Findings,
            tx);
        connection.Execute(
            "INSERT INTO search_fts (words, task_id, field, statement_id) VALUES (@Words, @TaskId, @Field, @StatementId)",
            result.Index,
            tx);
        tx.Commit();
        return new HistorySummary(result.Series.Count, result.TaskIdentities, result.Findings.Count, result.CanonicalDepartments.Select(d => d.Text).Distinct().Count());
    }

    private static HistoryFacts Facts(SqliteConnection connection, SqliteTransaction tx) => new(
        [.. connection.Query<BulletinRow>("SELECT id, issuer, series, year, date, issue FROM bulletins", transaction: tx)
            .Select(b => new BulletinFacts(b.Id, b.Issuer, b.Series, (int?)b.Year, Date(b.Date), (int?)b.Issue))],
        [.. connection.Query<TaskRow>("SELECT id, bulletin_id AS BulletinId, number, text, verdict FROM tasks ORDER BY bulletin_id, position", transaction: tx)
            .Select(t => new TaskFacts(t.Id, t.BulletinId, (int)t.Number, t.Text, t.Verdict))],
        [.. connection.Query<ProgressRow>("SELECT task_id AS TaskId, as_of AS AsOf, text FROM progress", transaction: tx)
            .Select(p => new ReportFacts(p.TaskId, Date(p.AsOf), p.Text))],
        [.. connection.Query<StoredFigure>(
            "SELECT task_id AS TaskId, field, position AS Position, raw, value, unit, kind, qualifier, change, metric, start AS Start FROM figures WHERE task_id IS NOT NULL ORDER BY task_id, field, position",
            transaction: tx)],
        [.. connection.Query<NamedRow>("SELECT id, name AS Text FROM departments", transaction: tx)],
        [.. connection.Query<NamedRow>("SELECT id, text FROM statements", transaction: tx)]);

    private static void Clear(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var sql in new[]
        {
            "UPDATE tasks SET identity_id = NULL, identity_confidence = NULL, identity_method = NULL",
            "UPDATE bulletins SET series_id = NULL",
            "DELETE FROM task_identities", "DELETE FROM series", "DELETE FROM audit_findings", "DELETE FROM search_fts",
            "DELETE FROM assessments", "DELETE FROM measures",
        })
        {
            connection.Execute(sql, transaction: tx);
        }
    }

    private static void WriteSeries(SqliteConnection connection, SqliteTransaction tx, SeriesResult series)
    {
        var seriesId = connection.ExecuteScalar<long>(
            "INSERT INTO series (key, issuer, series, year) VALUES (@Key, @Issuer, @Series, @Year) RETURNING id",
            series,
            tx);
        connection.Execute("UPDATE bulletins SET series_id = @seriesId WHERE id IN @ids", new { seriesId, ids = series.BulletinIds }, tx);
        foreach (var identity in series.Identities)
        {
            var identityId = connection.ExecuteScalar<long>(
                "INSERT INTO task_identities (series_id, number, label) VALUES (@seriesId, @Number, @Label) RETURNING id",
                new { seriesId, identity.Number, identity.Label },
                tx);
            connection.Execute(
                "UPDATE tasks SET identity_id = @identityId, identity_confidence = @Confidence, identity_method = @Method WHERE id = @TaskId",
                identity.Links.Select(l => new { identityId, l.Confidence, l.Method, l.TaskId }),
                tx);
        }
    }

    private static void WriteAssessment(SqliteConnection connection, SqliteTransaction tx, Assessment a)
    {
        connection.Execute(
            """
            INSERT INTO assessments (task_id, completion, completion_basis, completion_detail, elapsed, status, printed_status, printed_raw, printed_rule)
            VALUES (@TaskId, @Completion, @Basis, @Detail, @Elapsed, @Status, @printedStatus, @printedRaw, @printedRule)
            """,
            new
            {
                a.TaskId, a.Completion, a.Basis, a.Detail, a.Elapsed, a.Status,
                printedStatus = a.Printed is { } p ? Rules.RuleSetLoader.SnakeCase(p.Status.ToString()) : null,
                printedRaw = a.Printed?.Raw,
                printedRule = a.Printed?.RuleId,
            },
            tx);
        connection.Execute(
            """
            INSERT INTO measures (task_id, ordinal, is_primary, state, target_raw, target_value, unit, achieved_raw, achieved_value, completion)
            VALUES (@taskId, @Ordinal, @Primary, @state, @targetRaw, @targetValue, @unit, @achievedRaw, @achievedValue, @Completion)
            """,
            a.Measures.Select(m => new
            {
                taskId = a.TaskId, m.Ordinal, m.Primary, state = m.State.ToString().ToLowerInvariant(),
                targetRaw = m.Target.Raw, targetValue = m.Target.Value, unit = m.Target.Unit,
                achievedRaw = m.Achieved?.Raw, achievedValue = m.Achieved?.Value, m.Completion,
            }),
            tx);
    }

    private static DateOnly? Date(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private sealed record BulletinRow(long Id, string? Issuer, string? Series, long? Year, string? Date, long? Issue);

    private sealed record TaskRow(long Id, long BulletinId, long Number, string Text, string? Verdict);

    private sealed record ProgressRow(long TaskId, string? AsOf, string Text);
}

public sealed record HistorySummary(int Series, int TaskIdentities, int Findings, int Departments);
