using Extraction.History;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// Writes what <see cref="HistoryBuilder"/> derived — series, task identities, assessments and
/// their measures, canonical unit names — with statements prepared once for the whole rebuild:
/// a rebuild of a large archive writes tens of thousands of rows.
/// </summary>
internal sealed class HistoryWriter(SqliteConnection connection) : IDisposable
{
    private readonly PreparedCommand canonical = new(connection, "UPDATE departments SET canonical_name = @text WHERE id = @id", "text", "id");

    private readonly PreparedCommand series = new(connection,
        "INSERT INTO series (key, issuer, series, year, bulletins) VALUES (@key, @issuer, @series, @year, @count) RETURNING id",
        "key", "issuer", "series", "year", "count");

    private readonly PreparedCommand bulletinSeries = new(connection, "UPDATE bulletins SET series_id = @series WHERE id = @id", "series", "id");

    private readonly PreparedCommand identity = new(connection,
        "INSERT INTO task_identities (series_id, number, label) VALUES (@series, @number, @label) RETURNING id", "series", "number", "label");

    private readonly PreparedCommand taskIdentity = new(connection,
        "UPDATE tasks SET identity_id = @identity, identity_confidence = @confidence, identity_method = @method WHERE id = @task",
        "identity", "confidence", "method", "task");

    private readonly PreparedCommand assessment = new(connection,
        """
        INSERT INTO assessments (task_id, completion, completion_basis, completion_detail, elapsed, status, printed_status, printed_raw, printed_rule)
        VALUES (@task, @completion, @basis, @detail, @elapsed, @status, @printedStatus, @printedRaw, @printedRule)
        """,
        "task", "completion", "basis", "detail", "elapsed", "status", "printedStatus", "printedRaw", "printedRule");

    private readonly PreparedCommand measure = new(connection,
        """
        INSERT INTO measures (task_id, ordinal, is_primary, state, target_raw, target_value, unit, achieved_raw, achieved_value, completion)
        VALUES (@task, @ordinal, @primary, @state, @targetRaw, @targetValue, @unit, @achievedRaw, @achievedValue, @completion)
        """,
        "task", "ordinal", "primary", "state", "targetRaw", "targetValue", "unit", "achievedRaw", "achievedValue", "completion");

    public void Canonical(SqliteTransaction tx, long departmentId, string name) => canonical.Execute(tx, name, departmentId);

    public void Series(SqliteTransaction tx, SeriesResult s)
    {
        var seriesId = series.Scalar(tx, s.Key, s.Issuer, s.Series, s.Year, s.BulletinIds.Count);
        foreach (var bulletinId in s.BulletinIds)
        {
            bulletinSeries.Execute(tx, seriesId, bulletinId);
        }

        foreach (var i in s.Identities)
        {
            var identityId = identity.Scalar(tx, seriesId, i.Number, i.Label);
            foreach (var link in i.Links)
            {
                taskIdentity.Execute(tx, identityId, link.Confidence, link.Method, link.TaskId);
            }
        }
    }

    public void Assessment(SqliteTransaction tx, Assessment a)
    {
        assessment.Execute(
            tx, a.TaskId, a.Completion, a.Basis, a.Detail, a.Elapsed, a.Status,
            a.Printed is { } p ? Rules.RuleSetLoader.SnakeCase(p.Status.ToString()) : null, a.Printed?.Raw, a.Printed?.RuleId);
        foreach (var m in a.Measures)
        {
            measure.Execute(
                tx, a.TaskId, m.Ordinal, m.Primary, m.State.ToString().ToLowerInvariant(), m.Target.Raw, m.Target.Value, m.Target.Unit,
                m.Achieved?.Raw, m.Achieved?.Value, m.Completion);
        }
    }

    public void Dispose()
    {
        foreach (var command in new[] { canonical, series, bulletinSeries, identity, taskIdentity, assessment, measure })
        {
            command.Dispose();
        }
    }
}
