using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract export --format csv|json|xlsx [--out FILE] [--bom]</c>: the task histories for a
/// spreadsheet. CSV and JSON hold the task_history view; an XLSX workbook has one sheet per view.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f") { Description = "csv or json (the task_history view), xlsx (one sheet per view)", DefaultValueFactory = _ => "xlsx", HelpName = "csv|json|xlsx" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new OutputOptions(format, ["csv", "json", "xlsx"], "File to write (default: standard output for csv and json, bulletins.xlsx for xlsx; without --format, x.csv is CSV and x.json JSON)");
        var db = CommonOptions.Database();
        var command = new Command("export", "Export the task histories as CSV, JSON or an Excel/WPS workbook") { db };
        output.AddTo(command);
        command.SetAction(r => Run(context, output.Resolve(r), r.GetValue(db)!));
        return command;
    }

    private static int Run(CliContext context, OutputOptions.Target output, string databasePath)
    {
        try
        {
            if (output.Format == "xlsx")
            {
                var path = output.Path ?? "bulletins.xlsx";
                XlsxOutput.Write(path, [.. HistoryQueries.Views.Select(v => (v, HistoryQueries.View(databasePath, v)))]);
                context.Error.WriteLine($"wrote {path} ({string.Join(", ", HistoryQueries.Views)})");
                return ExitCodes.Ok;
            }

            var rows = HistoryQueries.HistoryRows(databasePath);
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
