using System.CommandLine;
using Extraction.Storage;

namespace Extraction.Cli.Commands;

/// <summary><c>extract status [--failed]</c>: each file the database holds, how it fared, and the bulletin it gave.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var failed = new Option<bool>("--failed") { Description = "Only the files that failed, with their reasons" };
        var db = CommonOptions.Database();
        var format = OutputFormat.Option();
        var command = new Command("status", "Show what the database holds from which file") { failed, db, format };
        command.SetAction(r => context.ReadDatabase(r.GetValue(db)!, () =>
        {
            OutputFormat.Write(context.Out, ArchiveQueries.Files(r.GetValue(db)!, r.GetValue(failed)), r.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
