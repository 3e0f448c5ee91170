using System.CommandLine;
using Extraction.Storage;

namespace Extraction.Cli.Commands;

/// <summary><c>extract audit</c>: what does not add up — stated rates against their figures, implausible completions, per-head amounts taken as targets, printed verdicts the figures contradict, tasks marked not reported, completions that fall, dates after the bulletin's.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var format = OutputFormat.Option();
        var command = new Command("audit", "List the consistency findings of the task histories") { db, format };
        command.SetAction(r => context.ReadDatabase(r.GetValue(db)!, () =>
        {
            OutputFormat.Write(context.Out, HistoryQueries.Audit(r.GetValue(db)!), r.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
