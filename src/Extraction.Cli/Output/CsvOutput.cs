using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break.</summary>
internal static class CsvOutput
{
    public static void Write(TextWriter w, QueryResult result)
    {
        w.Write(string.Join(",", result.Columns.Select(Quote)) + "\r\n");
        foreach (var row in result.Rows)
        {
            w.Write(string.Join(",", row.Select(v => Quote(CellText.Format(v)))) + "\r\n");
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
