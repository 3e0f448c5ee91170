using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// What the HTML report of one series shows, read in one go: its issues, every report of every
/// task (task_history), the bulletins' own tallies, the lead units, the audit and the source
/// files. Rows are read by position and converted here: SQLite gives an expression's column the
/// type of its value, row by row (NULL, a whole 100 in a REAL column), which a mapper by type
/// would trip on.
/// </summary>
public static class ReportQueries
{
    /// <summary>The series that <paramref name="series"/> (text of the series name or issuer) and <paramref name="year"/> select; all of them when both are null.</summary>
    public static IReadOnlyList<ReportSeries> Series(string databasePath, string? series, int? year)
    {
        using var c = Database.OpenReadOnly(databasePath);
        return Rows(
            c,
            """
            SELECT id AS Id, issuer AS Issuer, series AS Name, year AS Year,
                   (SELECT count(*) FROM bulletins b WHERE b.series_id = s.id) AS Issues
            FROM series s
            WHERE (@series IS NULL OR series LIKE @pattern OR issuer LIKE @pattern) AND (@year IS NULL OR year = @year)
            ORDER BY year, issuer, series
            """,
            new() { ["@series"] = series, ["@pattern"] = $"%{series}%", ["@year"] = year },
            r => new ReportSeries(r.Long(0)!.Value, r.Text(1), r.Text(2), r.Long(3), r.Long(4)!.Value));
    }

    public static SeriesReport Read(string databasePath, ReportSeries series)
    {
        using var c = Database.OpenReadOnly(databasePath);
        var p = new Dictionary<string, object?> { ["@id"] = series.Id };
        var issues = Rows(
            c,
            """
            SELECT id AS BulletinId, issue AS Issue, date AS Date, title AS Title, declared_tasks AS DeclaredTasks
            FROM bulletins WHERE series_id = @id ORDER BY date, issue
            """,
            p,
            r => new ReportIssue(r.Long(0)!.Value, r.Long(1), r.Text(2), r.Text(3), r.Long(4)));

        // Every report of every task, in the order the report prints them: task by task, issue by issue.
        var reports = Rows(
            c,
            """
            SELECT identity_id AS IdentityId, identity_number AS IdentityNumber, task AS Task,
                   issue AS Issue, bulletin_date AS BulletinDate, number AS Number, as_of AS AsOf,
                   completion AS Completion, elapsed AS Elapsed, status AS Status,
                   printed_status AS PrintedStatus, printed_raw AS PrintedRaw,
                   coalesce(lead_departments, departments) AS LeadDepartments, progress_text AS ProgressText,
                   (SELECT t.text FROM tasks t WHERE t.id = h.task_id) AS TaskText
            FROM task_history h WHERE series_id = @id
            ORDER BY identity_number, identity_id, bulletin_date, issue
            """,
            p,
            r => new ReportRow(r.Long(0)!.Value, r.Long(1)!.Value, r.Text(2), r.Long(3), r.Text(4), r.Long(5), r.Text(6), r.Double(7), r.Double(8), r.Text(9), r.Text(10), r.Text(11), r.Text(12), r.Text(13), r.Text(14)));

        var tallies = Rows(
            c,
            """
            SELECT t.issue AS Issue, t.bulletin_date AS BulletinDate, t.declared_tasks AS DeclaredTasks,
                   t.status AS Status, t.count AS Count, t.raw AS Raw
            FROM tally_overview t JOIN bulletins b ON b.id = t.bulletin_id
            WHERE b.series_id = @id ORDER BY t.bulletin_date, t.tally_id
            """,
            p,
            r => new ReportTally(r.Long(0), r.Text(1), r.Long(2), r.Text(3), r.Long(4), r.Text(5)));

        // A unit's tasks stand as their latest report says; missing reports are counted over every issue.
        var units = Rows(
            c,
            """
            WITH latest AS (
                SELECT h.identity_id, h.status FROM task_history h
                WHERE h.series_id = @id AND h.bulletin_date = (SELECT max(l.bulletin_date) FROM task_history l WHERE l.identity_id = h.identity_id)
            ),
            led AS (
                SELECT DISTINCT coalesce(d.canonical_name, d.name) AS department, t.identity_id
                FROM task_departments td JOIN departments d ON d.id = td.department_id JOIN tasks t ON t.id = td.task_id
                JOIN bulletins b ON b.id = t.bulletin_id
                WHERE b.series_id = @id AND td.role = 'lead'
            )
            SELECT led.department AS Department, count(DISTINCT led.identity_id) AS Tasks,
                   count(DISTINCT CASE WHEN latest.status = 'behind' THEN led.identity_id END) AS Behind,
                   (SELECT count(*) FROM task_history h WHERE h.series_id = @id AND h.status = 'not_reported'
                        AND h.identity_id IN (SELECT l2.identity_id FROM led l2 WHERE l2.department = led.department)) AS NotReported
            FROM led LEFT JOIN latest ON latest.identity_id = led.identity_id
            GROUP BY led.department ORDER BY Tasks DESC, Behind DESC, led.department
            """,
            p,
            r => new ReportUnit(r.Text(0) ?? "", r.Long(1)!.Value, r.Long(2)!.Value, r.Long(3)!.Value));

        var findings = Rows(
            c,
            """
            SELECT a.kind AS Kind, a.issue AS Issue, a.bulletin_date AS BulletinDate, a.number AS Number,
                   a.figures AS Figures, a.message AS Message, t.identity_id AS IdentityId
            FROM audit a JOIN bulletins b ON b.id = a.bulletin_id LEFT JOIN tasks t ON t.id = a.task_id
            WHERE b.series_id = @id ORDER BY a.bulletin_date, a.number, a.kind
            """,
            p,
            r => new ReportFinding(r.Text(0) ?? "", r.Long(1), r.Text(2), r.Long(3), r.Text(4), r.Text(5), r.Long(6)));

        var sources = Rows(
            c,
            """
            SELECT s.file_name AS FileName, s.format AS Format, s.size_bytes AS SizeBytes, s.sha256 AS Sha256,
                   b.issue AS Issue, b.date AS BulletinDate
            FROM source_documents s JOIN bulletins b ON b.id = s.bulletin_id
            WHERE b.series_id = @id ORDER BY b.date, b.issue, s.file_name
            """,
            p,
            r => new ReportSource(r.Text(0), r.Text(1), r.Long(2), r.Text(3) ?? "", r.Long(4), r.Text(5)));

        return new SeriesReport(series, issues, reports, tallies, units, findings, sources);
    }

    private static List<T> Rows<T>(SqliteConnection c, string sql, Dictionary<string, object?> parameters, Func<ReportReader, T> row)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(row(new ReportReader(reader)));
        }

        return rows;
    }
}

/// <summary>One row read by position: SQLite's integers as long, reals as double, whatever type the first row had.</summary>
internal readonly struct ReportReader(SqliteDataReader reader)
{
    public long? Long(int i) => reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

    public double? Double(int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    public string? Text(int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
}

public sealed record ReportSeries(long Id, string? Issuer, string? Name, long? Year, long Issues);

public sealed record ReportIssue(long BulletinId, long? Issue, string? Date, string? Title, long? DeclaredTasks);

/// <summary>One report of one task (a row of task_history); <see cref="Task"/> is the task's label, <see cref="TaskText"/> its whole text in this issue.</summary>
public sealed record ReportRow(
    long IdentityId,
    long IdentityNumber,
    string? Task,
    long? Issue,
    string? BulletinDate,
    long? Number,
    string? AsOf,
    double? Completion,
    double? Elapsed,
    string? Status,
    string? PrintedStatus,
    string? PrintedRaw,
    string? LeadDepartments,
    string? ProgressText,
    string? TaskText);

public sealed record ReportTally(long? Issue, string? BulletinDate, long? DeclaredTasks, string? Status, long? Count, string? Raw);

public sealed record ReportUnit(string Department, long Tasks, long Behind, long NotReported);

public sealed record ReportFinding(string Kind, long? Issue, string? BulletinDate, long? Number, string? Figures, string? Message, long? IdentityId);

public sealed record ReportSource(string? FileName, string? Format, long? SizeBytes, string Sha256, long? Issue, string? BulletinDate);

public sealed record SeriesReport(
    ReportSeries Series,
    IReadOnlyList<ReportIssue> Issues,
    IReadOnlyList<ReportRow> Reports,
    IReadOnlyList<ReportTally> Tallies,
    IReadOnlyList<ReportUnit> Units,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ReportSource> Sources)
{
    /// <summary>Each task's reports, in the order of the task table.</summary>
    public IEnumerable<IGrouping<long, ReportRow>> Tasks => Reports.GroupBy(r => r.IdentityId);

    /// <summary>Each task's latest report: how it stands now.</summary>
    public IReadOnlyList<ReportRow> Latest => [.. Tasks.Select(t => t.Last())];
}
