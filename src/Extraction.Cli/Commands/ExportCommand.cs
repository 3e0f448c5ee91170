using System.CommandLine;
using System.Text;
using Extraction.Cli.Output;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract export --format csv|json|xlsx [--out FILE]</c>: the task histories for a spreadsheet.
/// CSV and JSON hold the task_history view; an XLSX workbook has one sheet per view.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format", "-f") { Description = "csv or json (the task_history view), xlsx (one sheet per view)", DefaultValueFactory = _ => "xlsx", HelpName = "csv|json|xlsx" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new Option<string?>("--out", "-o") { Description = "File to write (default: standard output for csv and json, bulletins.xlsx for xlsx)", HelpName = "FILE" };
        var db = CommonOptions.Database();
        var command = new Command("export", "Export the task histories as CSV, JSON or an Excel/WPS workbook") { format, output, db };
        command.SetAction(r => Run(context, r.GetValue(format)!, r.GetValue(output), r.GetValue(db)!));
        return command;
    }

    private static int Run(CliContext context, string format, string? output, string databasePath)
    {
        try
        {
            if (format == "xlsx")
            {
                var path = output ?? "bulletins.xlsx";
                XlsxOutput.Write(path, [.. HistoryQueries.Views.Select(v => (v, HistoryQueries.View(databasePath, v)))]);
                context.Error.WriteLine($"wrote {path} ({string.Join(", ", HistoryQueries.Views)})");
                return ExitCodes.Ok;
            }

            var rows = HistoryQueries.HistoryRows(databasePath);
            if (output is null)
            {
                OutputFormat.Write(context.Out, rows, format);
                return ExitCodes.Ok;
            }

            // A byte-order mark lets Excel and WPS open UTF-8 CSV with its Chinese intact.
            using var file = new StreamWriter(output, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: format == "csv"));
            OutputFormat.Write(file, rows, format);
            context.Error.WriteLine($"wrote {output}");
            return ExitCodes.Ok;
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
