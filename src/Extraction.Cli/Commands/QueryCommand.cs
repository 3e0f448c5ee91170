using System.CommandLine;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary><c>extract query SQL [--db FILE] [--format table|csv|json]</c>: any SQL, on a database opened read-only.</summary>
internal static class QueryCommand
{
    public static Command Create(CliContext context)
    {
        var sql = new Argument<string>("SQL") { Description = "One SQL statement, e.g. \"select * from task_overview\" (see docs/schema.md)" };
        var db = CommonOptions.Database();
        var format = OutputFormat.Option();
        var command = new Command("query", "Run SQL on the database (read-only) and print the rows") { sql, db, format };
        command.SetAction(r => Run(context, r.GetValue(sql)!, r.GetValue(db)!, r.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string sql, string databasePath, string format)
    {
        QueryResult result;
        try
        {
            result = QueryRunner.Run(databasePath, sql);
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (SqliteException e)
        {
            return context.Fail($"SQL error: {e.Message.Replace("SQLite Error ", "", StringComparison.Ordinal)}");
        }

        OutputFormat.Write(context.Out, result, format);
        return ExitCodes.Ok;
    }
}
