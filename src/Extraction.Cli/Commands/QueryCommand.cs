using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract query SQL [--db FILE] [--format table|csv|json] [--out FILE] [--bom] [--timeout S]</c>:
/// one read-only SQL statement; it cannot change the database or write any file (only the
/// command writes, to --out), and its rows are streamed.
/// </summary>
internal static class QueryCommand
{
    public static Command Create(CliContext context)
    {
        var sql = new Argument<string>("SQL") { Description = "One SQL statement that reads, e.g. \"select * from task_overview\" (see docs/schema.md)" };
        var db = CommonOptions.Database();
        var output = new OutputOptions(OutputFormat.Option(), ["csv", "json"], "Write the rows to this file instead of standard output (x.csv is CSV, x.json JSON, unless --format says otherwise)");
        var timeout = new Option<double>("--timeout") { Description = "Stop the query after this many seconds", DefaultValueFactory = _ => 60, HelpName = "S" };
        var command = new Command("query", "Run SQL on the database (read-only) and print the rows") { sql, db, timeout };
        output.AddTo(command);
        command.SetAction(r => Run(context, r.GetValue(sql)!, r.GetValue(db)!, output.Resolve(r), r.GetValue(timeout)));
        return command;
    }

    private static int Run(CliContext context, string sql, string databasePath, OutputOptions.Target output, double timeout)
    {
        if (timeout <= 0)
        {
            context.Error.WriteLine("extract: --timeout must be above 0");
            return ExitCodes.Usage;
        }

        try
        {
            using var query = ReadOnlyQuery.Start(databasePath, sql, TimeSpan.FromSeconds(timeout));
            OutputFile.Write(context.Out, output.Path, output.Bom, w => OutputFormat.Write(w, query.Columns, query.Rows(), output.Format));
            return context.Wrote(output.Path);
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (QueryRefusedException e)
        {
            return context.Fail($"query refused: {e.Message}");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9)
        {
            return context.Fail($"query stopped after {timeout} s (--timeout)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return context.Fail($"cannot write {output.Path}: {e.Message}");
        }
        catch (SqliteException e)
        {
            return context.Fail(e.SqliteErrorCode == 23
                ? "query refused: it reads nothing but the database (no ATTACH, no writing, no writing pragma)"
                : $"SQL error: {e.Message.Replace("SQLite Error ", "", StringComparison.Ordinal)}");
        }
    }
}
