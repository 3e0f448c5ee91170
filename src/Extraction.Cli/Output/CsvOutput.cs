using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>
/// RFC 4180 CSV: a header row, fields quoted when they hold a comma, quote or line break. A
/// text cell that opens with = + - @ (or a tab or carriage return) gets a leading apostrophe, so
/// that Excel and WPS show it instead of running it as a formula; numbers stay as they are.
/// </summary>
internal static class CsvOutput
{
    public static void Write(TextWriter w, QueryResult result) => Write(w, result.Columns, result.Rows);

    public static void Write(TextWriter w, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        w.Write(string.Join(",", columns.Select(c => Quote(Neutral(c)))) + "\r\n");
        foreach (var row in rows)
        {
            w.Write(string.Join(",", row.Select(v => Quote(v is string text ? Neutral(text) : CellText.Format(v)))) + "\r\n");
        }
    }

    private static string Neutral(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
