using System.CommandLine;
using Extraction.Cli.Output;
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
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (for reading), csv or json (for other programs)",
            DefaultValueFactory = _ => "table",
            HelpName = "table|csv|json",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
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

        switch (format)
        {
            case "csv":
                CsvOutput.Write(context.Out, result);
                break;
            case "json":
                JsonOutput.Write(context.Out, result);
                break;
            default:
                TableOutput.Write(context.Out, result);
                break;
        }

        return ExitCodes.Ok;
    }
}
