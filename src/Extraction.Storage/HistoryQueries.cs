namespace Extraction.Storage;

/// <summary>
/// The read-only questions the commands ask of the task histories: a timeline, each task's
/// latest report, chart points, the audit and the exported views.
/// </summary>
public static class HistoryQueries
{
    /// <summary>The view of <see cref="HistoryRows"/>: each task of each issue through its series.</summary>
    public const string HistoryView = "task_history";

    /// <summary>The views written to a spreadsheet, one sheet each, in this order.</summary>
    public static IReadOnlyList<string> Views { get; } = [HistoryView, "department_report", "audit", "task_overview", "figure_overview"];

    public static QueryResult Timeline(string databasePath, TaskSelection selection)
    {
        var (where, parameters) = selection.Filter();
        return QueryRunner.Run(
            databasePath,
            $"""
            SELECT series, identity_number AS task, issue, bulletin_date, as_of, number, round(completion, 1) AS completion,
                   round(elapsed, 1) AS elapsed, status, printed_status, departments, progress_text
            FROM task_history h WHERE {where}
            ORDER BY series_id, identity_number, bulletin_date, issue
            """,
            parameters);
    }

    /// <summary>Completion over time of the selected tasks: identity, number, date, completion, programme year, the task's label, series.</summary>
    public static QueryResult ChartPoints(string databasePath, TaskSelection selection)
    {
        var (where, parameters) = selection.Filter();
        return QueryRunner.Run(
            databasePath,
            $"""
            SELECT identity_id, identity_number, coalesce(as_of, bulletin_date), completion, year, task, series
            FROM task_history h WHERE {where} AND completion IS NOT NULL
            ORDER BY year, series_id, identity_number, identity_id, bulletin_date
            """,
            parameters);
    }

    /// <summary>Every task with its latest report.</summary>
    public static QueryResult Latest(string databasePath) => QueryRunner.Run(
        databasePath,
        """
        SELECT series, identity_number AS task, count(*) AS reports,
               (SELECT round(completion, 1) FROM task_history l WHERE l.identity_id = h.identity_id ORDER BY bulletin_date DESC LIMIT 1) AS completion,
               (SELECT status FROM task_history l WHERE l.identity_id = h.identity_id ORDER BY bulletin_date DESC LIMIT 1) AS status,
               max(bulletin_date) AS latest, task AS text
        FROM task_history h
        GROUP BY identity_id
        ORDER BY series_id, identity_number
        """);

    public static QueryResult Audit(string databasePath) =>
        QueryRunner.Run(databasePath, "SELECT kind, series, issue, bulletin_date, number, figures, message FROM audit ORDER BY series, bulletin_date, number, kind");

    public static QueryResult View(string databasePath, string view) =>
        Views.Contains(view) ? QueryRunner.Run(databasePath, $"SELECT * FROM {view}") : throw new ArgumentException($"no view {view}", nameof(view));

    public static QueryResult HistoryRows(string databasePath) =>
        QueryRunner.Run(databasePath, $"SELECT * FROM {HistoryView} ORDER BY series_id, identity_number, bulletin_date");
}

/// <summary>Which tasks a history command is about: numbers (in any issue), text the task contains, a series or issuer.</summary>
public sealed record TaskSelection(IReadOnlyList<int> Numbers, string? Task, string? Series)
{
    public bool IsEmpty => Numbers.Count == 0 && Task is null && Series is null;

    internal (string Where, Dictionary<string, object?> Parameters) Filter()
    {
        var clauses = new List<string> { "1 = 1" };
        var parameters = new Dictionary<string, object?>();
        if (Numbers.Count > 0)
        {
            var names = Numbers.Select((n, i) => $"@number{i}").ToList();
            var list = string.Join(", ", names);
            clauses.Add($"(identity_number IN ({list}) OR identity_id IN (SELECT identity_id FROM task_history WHERE number IN ({list})))");
            for (var i = 0; i < Numbers.Count; i++)
            {
                parameters[names[i]] = Numbers[i];
            }
        }

        if (Task is { } text)
        {
            clauses.Add("identity_id IN (SELECT identity_id FROM tasks WHERE text LIKE @task)");
            parameters["@task"] = $"%{text}%";
        }

        if (Series is { } series)
        {
            clauses.Add("(series LIKE @series OR issuer LIKE @series)");
            parameters["@series"] = $"%{series}%";
        }

        return (string.Join(" AND ", clauses), parameters);
    }
}
