using System.CommandLine;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary><c>extract audit</c>: what does not add up — stated percentages against their figures, cumulative figures that fall, dates after the bulletin's.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var format = OutputFormat.Option();
        var command = new Command("audit", "List the consistency findings of the task histories") { db, format };
        command.SetAction(r =>
        {
            try
            {
                var result = QueryRunner.Run(r.GetValue(db)!, "SELECT kind, series, issue, bulletin_date, number, message FROM audit ORDER BY series, bulletin_date, number");
                OutputFormat.Write(context.Out, result, r.GetValue(format)!);
                return ExitCodes.Ok;
            }
            catch (FileNotFoundException e)
            {
                return context.Fail(e.Message);
            }
            catch (SqliteException e)
            {
                return context.Fail($"{r.GetValue(db)}: {e.Message}");
            }
        });
        return command;
    }
}
