using System.Globalization;
using Extraction.Rules;

namespace Extraction.Cli.Output.Report;

/// <summary>The report's wording in one language (rules/common/report.yaml), with the few forms that take a value.</summary>
internal sealed class ReportText(ReportLabels labels, bool english)
{
    public bool English { get; } = english;

    public string this[string key] => labels.Text(key, English);

    /// <summary>A status as the page shows it; a status the wording does not know is shown as stored.</summary>
    public string Status(string? status) => labels.Find($"status.{status ?? "unknown"}", English) ?? status ?? "";

    public string Tally(string? status) => labels.Find($"tally.{status}", English) ?? status ?? "";

    public string AuditKind(string kind) => labels.Find($"audit.{kind}", English) ?? kind;

    public string Issue(long? issue) => issue is null ? "—" : string.Format(CultureInfo.InvariantCulture, this["issue_short"], issue);

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
