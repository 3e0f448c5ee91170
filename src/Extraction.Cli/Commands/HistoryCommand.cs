using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract history [--number N | --task TEXT] [--series TEXT] [--chart FILE]</c>: one task
/// followed through the issues of its series — as-of dates, completion against the time
/// elapsed, status — or, without a selection, every task with its latest report.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var number = new Option<int?>("--number", "-n") { Description = "The task's number (in any issue)", HelpName = "N" };
        var task = new Option<string?>("--task", "-t") { Description = "Text the task contains, e.g. 负压病房", HelpName = "TEXT" };
        var series = new Option<string?>("--series", "-s") { Description = "Text the series name or issuer contains", HelpName = "TEXT" };
        var chart = new Option<string?>("--chart") { Description = "Draw completion over time against the time-elapsed line, one line per task (.svg or .png)", HelpName = "FILE" };
        var db = CommonOptions.Database();
        var format = OutputFormat.Option();
        var command = new Command("history", "Show how tasks progressed through the issues of their series") { number, task, series, chart, db, format };
        command.Validators.Add(r =>
        {
            if (r.GetValue(chart) is { } file && Path.GetExtension(file).ToLowerInvariant() is not (".svg" or ".png"))
            {
                r.AddError($"--chart {file}: the chart is written as .svg or .png");
            }
        });
        command.SetAction(r => Run(context, new Selection(r.GetValue(number), r.GetValue(task), r.GetValue(series)), r.GetValue(chart), r.GetValue(db)!, r.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, Selection selection, string? chart, string databasePath, string format)
    {
        try
        {
            var (where, parameters) = selection.Filter();
            var timeline = QueryRunner.Run(
                databasePath,
                $"""
                SELECT series, identity_number AS task, issue, bulletin_date, as_of, number, round(completion, 1) AS completion,
                       round(elapsed, 1) AS elapsed, status, departments, progress_text
                FROM task_history h WHERE {where}
                ORDER BY series_id, identity_number, bulletin_date, issue
                """,
                parameters);
            if (selection.IsEmpty && chart is null)
            {
                OutputFormat.Write(context.Out, Latest(databasePath), format);
                return ExitCodes.Ok;
            }

            if (timeline.Rows.Count == 0)
            {
                return context.Fail("no task matches (see 'extract history' for the tasks of the database)");
            }

            OutputFormat.Write(context.Out, timeline, format);
            if (chart is not null)
            {
                var points = QueryRunner.Run(
                    databasePath,
                    $"SELECT identity_id, identity_number, coalesce(as_of, bulletin_date), completion, year FROM task_history h WHERE {where} AND completion IS NOT NULL ORDER BY identity_number, bulletin_date",
                    parameters);
                CompletionChart.Write(chart, points);
                context.Error.WriteLine($"chart written to {chart}");
            }

            return ExitCodes.Ok;
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (SqliteException e)
        {
            return context.Fail($"{databasePath}: {e.Message} (ingest with this version of extract to build the task histories)");
        }
    }

    private static QueryResult Latest(string databasePath) => QueryRunner.Run(
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

    private sealed record Selection(int? Number, string? Task, string? Series)
    {
        public bool IsEmpty => Number is null && Task is null && Series is null;

        public (string Where, Dictionary<string, object?> Parameters) Filter()
        {
            var clauses = new List<string> { "1 = 1" };
            var parameters = new Dictionary<string, object?>();
            if (Number is { } n)
            {
                clauses.Add("(identity_number = @number OR identity_id IN (SELECT identity_id FROM task_history WHERE number = @number))");
                parameters["@number"] = n;
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
}
