using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract history [--number N… | --task TEXT] [--series TEXT] [--chart FILE]</c>: tasks
/// followed through the issues of their series — as-of dates, completion against the time
/// elapsed, status — or, without a selection, every task with its latest report.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var number = new Option<int[]>("--number", "-n")
        {
            Description = "The task's number (in any issue); several (-n 1 5 8) to follow, and chart, them together",
            HelpName = "N",
            AllowMultipleArgumentsPerToken = true,
        };
        var task = new Option<string?>("--task", "-t") { Description = "Text the task contains, e.g. 负压病房", HelpName = "TEXT" };
        var series = new Option<string?>("--series", "-s") { Description = "Text the series name or issuer contains", HelpName = "TEXT" };
        var chart = new Option<string?>("--chart") { Description = "Draw completion over time against the time-elapsed line, one line per task (.svg or .png), labelled in Chinese in the first of Noto Sans CJK, Source Han Sans, WenQuanYi, Microsoft YaHei, SimHei, PingFang installed", HelpName = "FILE" };
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
        command.SetAction(r => Run(context, new TaskSelection(r.GetValue(number) ?? [], r.GetValue(task), r.GetValue(series)), r.GetValue(chart), r.GetValue(db)!, r.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, TaskSelection selection, string? chart, string databasePath, string format) =>
        context.ReadDatabase(databasePath, () => Show(context, selection, chart, databasePath, format), "ingest with this version of extract to build the task histories");

    private static int Show(CliContext context, TaskSelection selection, string? chart, string databasePath, string format)
    {
        var timeline = HistoryQueries.Timeline(databasePath, selection);
        if (selection.IsEmpty && chart is null)
        {
            OutputFormat.Write(context.Out, HistoryQueries.Latest(databasePath), format);
            return ExitCodes.Ok;
        }

        if (timeline.Rows.Count == 0)
        {
            return context.Fail("no task matches (see 'extract history' for the tasks of the database)");
        }

        OutputFormat.Write(context.Out, timeline, format);
        if (chart is not null)
        {
            var points = HistoryQueries.ChartPoints(databasePath, selection);
            if (points.Rows.Count == 0)
            {
                return context.Fail("no chart: no report of the selected tasks has a completion");
            }

            var font = ChineseFont.Find();
            if (font is null)
            {
                context.Error.WriteLine($"extract: warning: no Chinese font found ({string.Join(", ", ChineseFont.Candidates.Take(8))} …): the chart is labelled in English");
            }

            CompletionChart.Write(chart, points, font);
            context.Error.WriteLine($"chart written to {chart}{(font is null ? "" : $" (labels in {font})")}");
        }

        return ExitCodes.Ok;
    }
}
