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

    public static void Write(TextWriter w, QueryResult result, string format)
    {
        switch (format)
        {
            case "csv":
                CsvOutput.Write(w, result);
                break;
            case "json":
                JsonOutput.Write(w, result);
                break;
            default:
                TableOutput.Write(w, result);
                break;
        }
    }
}
