using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Extraction.Storage;

namespace Extraction.Tests.Reports;

/// <summary>
/// What a report page shows, read back from its HTML (as written, or as the browser's DOM
/// serialises it): the rows of the task table and the counts at a glance, by their data
/// attributes; and what task_history says they should be.
/// </summary>
public static partial class ReportDom
{
    public sealed record TaskRow(long Identity, long Number, double? Completion, string? Status);

    public static IReadOnlyList<TaskRow> Tasks(string html) =>
        [.. TaskRowPattern().Matches(html).Select(m => new TaskRow(
            long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["number"].Value, CultureInfo.InvariantCulture),
            m.Groups["completion"].Value.Length == 0 ? null : double.Parse(m.Groups["completion"].Value, CultureInfo.InvariantCulture),
            m.Groups["status"].Value.Length == 0 ? null : m.Groups["status"].Value))];

    public static IReadOnlyDictionary<string, int> Counts(string html) =>
        CountPattern().Matches(html).ToDictionary(m => m.Groups["what"].Value, m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));

    /// <summary>Each task's latest report of the series, as task_history has it: the rows the task table must show.</summary>
    public static IReadOnlyList<TaskRow> Expected(string databasePath, string series)
    {
        using var c = Database.OpenReadOnly(databasePath);
        return [.. c.Query<(long Identity, long Number, double? Completion, string? Status)>(
            """
            SELECT identity_id, identity_number, round(completion, 1), status FROM task_history h
            WHERE series = @series AND bulletin_date = (SELECT max(bulletin_date) FROM task_history l WHERE l.identity_id = h.identity_id)
            ORDER BY identity_number, identity_id
            """,
            new { series }).Select(r => new TaskRow(r.Identity, r.Number, r.Completion, r.Status))];
    }

    /// <summary>Addresses the page would fetch or send the reader to outside itself: src, href, url(…) and srcset of http(s).</summary>
    public static IReadOnlyList<string> ExternalAddresses(string html) => [.. ExternalPattern().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("""<tr data-identity="(?<id>\d+)" data-number="(?<number>\d+)" data-completion="(?<completion>[^"]*)" data-elapsed="[^"]*" data-status="(?<status>[^"]*)">""")]
    private static partial Regex TaskRowPattern();

    [GeneratedRegex("""data-count="(?<what>\w+)"><b>(?<n>\d+)</b>""")]
    private static partial Regex CountPattern();

    [GeneratedRegex("""(?:src|href|srcset|action|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalPattern();
}
