using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;

namespace Extraction.Cli.Commands;

/// <summary>The --format option of the commands that print rows, and the printing itself.</summary>
internal static class OutputFormat
{
    public static Option<string> Option()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table (for reading), csv or json (for other programs)",
            DefaultValueFactory = _ => "table",
            HelpName = "table|csv|json",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        return format;
    }

    public static void Write(TextWriter w, QueryResult result, string format) => Write(w, result.Columns, result.Rows, format);

    /// <summary>Rows as they come (a query's rows are streamed, not held).</summary>
    public static void Write(TextWriter w, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string format)
    {
        switch (format)
        {
            case "csv":
                CsvOutput.Write(w, columns, rows);
                break;
            case "json":
                JsonOutput.Write(w, columns, rows);
                break;
            default:
                TableOutput.Write(w, columns, rows);
                break;
        }
    }
}
