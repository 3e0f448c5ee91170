using System.CommandLine;
using Extraction.History;
using Extraction.Rules;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary><c>extract rebuild</c>: derives every task history again (ingest rebuilds only the series it changed).</summary>
internal static class RebuildCommand
{
    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Database();
        var rules = CommonOptions.Rules();
        var command = new Command("rebuild", "Derive every task history, the audit and the search index again, from the stored bulletins") { db, rules };
        command.SetAction(r =>
        {
            var path = r.GetValue(db)!;
            if (!File.Exists(path))
            {
                return context.Fail($"no database at {path} (run 'extract ingest' first)");
            }

            try
            {
                var common = context.LoadRules(r.GetValue(rules), PatternCompilation.Hot).Common;
                using var writer = WriterLock.Acquire(path);
                using var connection = Database.OpenForWriting(path);
                var history = HistoryStore.Rebuild(connection, new HistoryBuilder(common));
                context.Error.WriteLine($"histories: {history.Series} series, {history.TaskIdentities} tasks followed, {history.Departments} departments, {history.Findings} audit findings");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
            {
                return context.Fail($"{path}: {e.Message}");
            }
        });
        return command;
    }
}
