using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract export --format csv|json|xlsx [--out FILE] [--bom] [--headers zh|en]</c>: the task
/// histories for a spreadsheet. CSV and JSON hold the task_history view; an XLSX workbook has one
/// sheet per view. A workbook is read by people, so its headers are Chinese unless asked
/// otherwise; CSV is as often read by programs, so its headers are the SQL names unless asked.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f") { Description = "csv or json (the task_history view), xlsx (one sheet per view)", DefaultValueFactory = _ => "xlsx", HelpName = "csv|json|xlsx" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new OutputOptions(format, ["csv", "json", "xlsx"], "File to write (default: standard output for csv and json, bulletins.xlsx for xlsx; without --format, x.csv is CSV and x.json JSON)");
        var headers = new Option<string?>("--headers")
        {
            Description = "Column headers: zh (通报日期, 完成率(%) …, worded in rules/common/columns.yaml) or en (the column names of docs/schema.md); default zh for xlsx, en for csv",
            HelpName = "zh|en",
        };
        headers.AcceptOnlyFromAmong("zh", "en");
        var db = CommonOptions.Database();
        var rules = CommonOptions.Rules();
        var command = new Command("export", "Export the task histories as CSV, JSON or an Excel/WPS workbook") { headers, db, rules };
        output.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(headers) is not null && output.Resolve(r).Format == "json")
            {
                r.AddError("--headers is for csv and xlsx: JSON keys are the column names");
            }
        });
        command.SetAction(r =>
        {
            var target = output.Resolve(r);
            var chinese = (r.GetValue(headers) ?? (target.Format == "xlsx" ? "zh" : "en")) == "zh";
            return Run(context, target, chinese, r.GetValue(db)!, r.GetValue(rules));
        });
        return command;
    }

    private static int Run(CliContext context, OutputOptions.Target output, bool chinese, string databasePath, string? rulesDirectory)
    {
        try
        {
            if (output.Format == "xlsx")
            {
                var path = output.Path ?? "bulletins.xlsx";
                var sheets = HistoryQueries.Views.Select(v => (v, HistoryQueries.View(databasePath, v))).ToList();
                var columns = context.LoadRules(rulesDirectory).Common.Columns;
                OutputFile.Replace(path, file => XlsxOutput.Write(file, sheets, columns, chinese));
                context.Error.WriteLine($"wrote {path} ({string.Join(", ", HistoryQueries.Views)})");
                return ExitCodes.Ok;
            }

            var rows = HistoryQueries.HistoryRows(databasePath);
            if (chinese)
            {
                var columns = context.LoadRules(rulesDirectory).Common.Columns;
                rows = rows with { Columns = [.. rows.Columns.Select(c => columns.Find(HistoryQueries.HistoryView, c)?.Zh ?? c)] };
            }

            OutputFile.Write(context.Out, output.Path, output.Bom, w => OutputFormat.Write(w, rows, output.Format));
            return context.Wrote(output.Path);
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return context.Fail($"export: {e.Message}");
        }
    }
}
