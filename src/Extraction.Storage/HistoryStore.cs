using System.Globalization;
using Dapper;
using Extraction.History;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// The task histories in the database: reads the facts the history is derived from, and
/// writes what <see cref="HistoryBuilder"/> derives in one transaction, replacing what was
/// derived before, so the histories always agree with the stored bulletins. After an ingest
/// only the series that gained, lost or changed bulletins are rebuilt (<see cref="Update"/>);
/// <see cref="Rebuild"/> does them all.
/// </summary>
public static class HistoryStore
{
    /// <summary>Rebuilds the histories of every series.</summary>
    public static HistorySummary Rebuild(SqliteConnection connection, HistoryBuilder builder) => Derive(connection, builder, everything: true);

    /// <summary>Rebuilds everything reading the facts of about <paramref name="bulletinsPerChunk"/> bulletins at a time (whole series each).</summary>
    internal static HistorySummary Rebuild(SqliteConnection connection, HistoryBuilder builder, int bulletinsPerChunk) =>
        Derive(connection, builder, everything: true, bulletinsPerChunk);

    /// <summary>Rebuilds the series whose bulletins changed since their histories were built.</summary>
    public static HistorySummary Update(SqliteConnection connection, HistoryBuilder builder) => Derive(connection, builder, everything: false);

    /// <summary>How many bulletins' facts are read and built at once.</summary>
    private const int BulletinsPerChunk = 200;

    private static HistorySummary Derive(SqliteConnection connection, HistoryBuilder builder, bool everything, int bulletinsPerChunk = BulletinsPerChunk)
    {
        using var tx = connection.BeginTransaction();
        var bulletins = connection.Query<BulletinRow>("SELECT id, issuer, series, year, date, issue, series_id AS SeriesId FROM bulletins", transaction: tx)
            .Select(b => (Row: b, Facts: new BulletinFacts(b.Id, b.Issuer, b.Series, (int?)b.Year, Date(b.Date), (int?)b.Issue)))
            .ToList();
        var stored = connection.Query<(long Id, string Key, long Bulletins)>("SELECT id, key, bulletins FROM series", transaction: tx).ToList();
        var dirty = everything ? [.. bulletins.Select(b => HistoryBuilder.SeriesKey(b.Facts))] : DirtyKeys(bulletins, stored);
        var chosen = bulletins.Where(b => dirty.Contains(HistoryBuilder.SeriesKey(b.Facts))).Select(b => b.Facts).ToList();
        var ids = chosen.Select(b => b.Id).ToList();

        var inUse = bulletins.Where(b => b.Row.SeriesId is not null).Select(b => b.Row.SeriesId!.Value).ToHashSet();
        Clear(connection, tx, everything, ids, [.. stored.Where(s => dirty.Contains(s.Key) || !inUse.Contains(s.Id)).Select(s => s.Id)]);

        // A few hundred bulletins' facts at a time, whole series each: the memory a rebuild
        // needs stays that of two chunks however large the archive grows. A chunk is built on
        // the workers while this thread reads the next one's facts and writes the last one's
        // results (the chunks' series are disjoint, so neither touches what is being built):
        // reading and writing in turn with building left the other core idle for most of it.
        using var writer = new HistoryWriter(connection);
        var rebuilt = 0;
        var chunks = Chunks(chosen.GroupBy(HistoryBuilder.SeriesKey), bulletinsPerChunk).ToList();
        Task<HistoryResult>? building = null;
        for (var i = 0; i <= chunks.Count; i++)
        {
            var facts = i < chunks.Count ? Facts(connection, tx, [.. chunks[i].Select(b => b.Id)], chunks[i], everything, departments: i == 0) : null;
            var result = building?.GetAwaiter().GetResult();
            building = facts is null ? null : Task.Run(() => builder.Build(facts));
            if (result is null)
            {
                continue;
            }

            rebuilt += result.Series.Count;
            foreach (var department in result.CanonicalDepartments)
            {
                writer.Canonical(tx, department.Id, department.Text);
            }

            foreach (var series in result.Series)
            {
                writer.Series(tx, series);
            }

            foreach (var assessment in result.Assessments)
            {
                writer.Assessment(tx, assessment);
            }

            connection.Execute(
                "INSERT INTO audit_findings (bulletin_id, task_id, kind, figures, message) VALUES (@BulletinId, @TaskId, @Kind, @Figures, @Message)",
                result.Findings,
                tx);
        }

        tx.Commit();

        using var counts = connection.BeginTransaction();
        var summary = new HistorySummary(
            connection.ExecuteScalar<int>("SELECT count(*) FROM series", transaction: counts),
            connection.ExecuteScalar<int>("SELECT count(*) FROM task_identities", transaction: counts),
            connection.ExecuteScalar<int>("SELECT count(*) FROM audit_findings", transaction: counts),
            connection.ExecuteScalar<int>("SELECT count(DISTINCT coalesce(canonical_name, name)) FROM departments", transaction: counts),
            rebuilt);
        counts.Commit();
        return summary;
    }

    /// <summary>Series keys to rebuild: of bulletins not placed in a series (new or re-saved), placed in one of another key, or of a series that lost bulletins.</summary>
    private static HashSet<string> DirtyKeys(List<(BulletinRow Row, BulletinFacts Facts)> bulletins, List<(long Id, string Key, long Bulletins)> stored)
    {
        var keyOf = stored.ToDictionary(s => s.Id, s => s.Key);
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, facts) in bulletins)
        {
            var key = HistoryBuilder.SeriesKey(facts);
            if (row.SeriesId is not { } seriesId || !keyOf.TryGetValue(seriesId, out var placed) || placed != key)
            {
                dirty.Add(key);
            }
        }

        var now = bulletins.Where(b => b.Row.SeriesId is not null).GroupBy(b => b.Row.SeriesId!.Value).ToDictionary(g => g.Key, g => g.Count());
        foreach (var series in stored.Where(s => now.GetValueOrDefault(s.Id) != s.Bulletins))
        {
            dirty.Add(series.Key);
        }

        return dirty;
    }

    /// <summary>Whole series in chunks of about <paramref name="size"/> bulletins (a larger series is a chunk of its own).</summary>
    private static IEnumerable<List<BulletinFacts>> Chunks(IEnumerable<IGrouping<string, BulletinFacts>> series, int size)
    {
        var chunk = new List<BulletinFacts>();
        foreach (var one in series)
        {
            if (chunk.Count > 0 && chunk.Count + one.Count() > size)
            {
                yield return chunk;
                chunk = [];
            }

            chunk.AddRange(one);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>
    /// The facts of the chosen bulletins. Each query starts from them (CROSS JOIN fixes the
    /// order): the planner, knowing nothing of the temporary table, would scan a whole table
    /// of the archive in index order for every chunk.
    /// </summary>
    /// <param name="departments">Whether to read the units too (once per rebuild: their canonical names are not per series).</param>
    private static HistoryFacts Facts(SqliteConnection connection, SqliteTransaction tx, List<long> ids, List<BulletinFacts> bulletins, bool everything, bool departments)
    {
        connection.Execute("CREATE TEMP TABLE IF NOT EXISTS chosen (id INTEGER PRIMARY KEY)", transaction: tx);
        connection.Execute("DELETE FROM chosen", transaction: tx);
        connection.Execute("INSERT INTO chosen (id) VALUES (@id)", ids.Select(id => new { id }), tx);
        return new(
            bulletins,
            [.. connection.Query<TaskRow>("SELECT t.id, t.bulletin_id AS BulletinId, t.number, t.text, t.verdict FROM chosen c CROSS JOIN tasks t ON t.bulletin_id = c.id ORDER BY t.bulletin_id, t.position", transaction: tx)
                .Select(t => new TaskFacts(t.Id, t.BulletinId, (int)t.Number, t.Text, t.Verdict))],
            [.. connection.Query<ProgressRow>("SELECT p.task_id AS TaskId, p.as_of AS AsOf, p.text FROM chosen c CROSS JOIN tasks t ON t.bulletin_id = c.id CROSS JOIN progress p ON p.task_id = t.id", transaction: tx)
                .Select(p => new ReportFacts(p.TaskId, Date(p.AsOf), p.Text))],
            [.. connection.Query<StoredFigure>(
                "SELECT f.task_id AS TaskId, f.field, f.position AS Position, f.raw, f.value, f.unit, f.kind, f.qualifier, f.change, f.metric, f.start AS Start FROM chosen c CROSS JOIN figures f ON f.bulletin_id = c.id WHERE f.task_id IS NOT NULL ORDER BY f.task_id, f.field, f.position",
                transaction: tx)],
            departments ? [.. connection.Query<NamedRow>($"SELECT id, name AS Text FROM departments{(everything ? "" : " WHERE canonical_name IS NULL")}", transaction: tx)] : []);
    }

    /// <summary>What was derived for these bulletins and series goes, before it is derived again.</summary>
    private static void Clear(SqliteConnection connection, SqliteTransaction tx, bool everything, List<long> bulletinIds, List<long> seriesIds)
    {
        if (everything)
        {
            foreach (var sql in new[]
            {
                "UPDATE tasks SET identity_id = NULL, identity_confidence = NULL, identity_method = NULL",
                "UPDATE bulletins SET series_id = NULL",
                "DELETE FROM task_identities", "DELETE FROM series", "DELETE FROM audit_findings",
                "DELETE FROM assessments", "DELETE FROM measures",
            })
            {
                connection.Execute(sql, transaction: tx);
            }

            return;
        }

        foreach (var chunk in bulletinIds.Chunk(500))
        {
            connection.Execute("UPDATE tasks SET identity_id = NULL, identity_confidence = NULL, identity_method = NULL WHERE bulletin_id IN @chunk", new { chunk }, tx);
            connection.Execute("UPDATE bulletins SET series_id = NULL WHERE id IN @chunk", new { chunk }, tx);
            connection.Execute("DELETE FROM audit_findings WHERE bulletin_id IN @chunk", new { chunk }, tx);
            connection.Execute("DELETE FROM assessments WHERE task_id IN (SELECT id FROM tasks WHERE bulletin_id IN @chunk)", new { chunk }, tx);
            connection.Execute("DELETE FROM measures WHERE task_id IN (SELECT id FROM tasks WHERE bulletin_id IN @chunk)", new { chunk }, tx);
        }

        foreach (var chunk in seriesIds.Chunk(500))
        {
            connection.Execute("DELETE FROM series WHERE id IN @chunk", new { chunk }, tx);
        }
    }

    private static DateOnly? Date(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private sealed record BulletinRow(long Id, string? Issuer, string? Series, long? Year, string? Date, long? Issue, long? SeriesId);

    private sealed record TaskRow(long Id, long BulletinId, long Number, string Text, string? Verdict);

    private sealed record ProgressRow(long TaskId, string? AsOf, string Text);
}

/// <param name="Rebuilt">How many series were built again this time.</param>
public sealed record HistorySummary(int Series, int TaskIdentities, int Findings, int Departments, int Rebuilt = 0);
