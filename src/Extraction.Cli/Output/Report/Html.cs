using System.Net;

namespace Extraction.Cli.Output.Report;

/// <summary>Escaping for text and attribute values taken from the database: a bulletin may hold &lt; or a quote.</summary>
internal static class Html
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
