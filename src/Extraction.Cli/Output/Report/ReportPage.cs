using System.Globalization;
using Extraction.Storage;

namespace Extraction.Cli.Output.Report;

/// <summary>
/// One series as one self-contained HTML page: the programme at a glance, the task table, a
/// section per task with its chart and progress by issue, the lead units, the audit and the
/// source files. Nothing is fetched: no script, font, image or style sheet outside the file, and
/// a Content-Security-Policy that forbids the browser to fetch any. Every value from the
/// database is escaped; the numbers and statuses of the task table also ride on data attributes,
/// so that a program reading the page gets them without parsing the wording.
/// </summary>
internal static class ReportPage
{
    /// <summary>The statuses counted at a glance, in this order; a task whose status is none of them counts as unknown.</summary>
    private static readonly string[] Statuses = ["done", "ahead", "on_schedule", "behind", "not_reported", "unknown"];

    private const int ShortTask = 48;

    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static void Write(TextWriter w, SeriesReport report, ReportText t, string databaseName)
    {
        var s = report.Series;
        var heading = $"{s.Issuer} {s.Name} {(s.Year is { } y ? string.Format(CultureInfo.InvariantCulture, t["year"], y) : "")}".Trim();
        w.Write($"<!DOCTYPE html>\n<html lang=\"{(t.English ? "en" : "zh-CN")}\"><head><meta charset=\"utf-8\">");
        w.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.Write($"<title>{Html.Escape(heading)} — {Html.Escape(t["title"])}</title><style>{ReportStyle.Css}</style></head>\n<body>");
        w.Write($"<h1>{Html.Escape(heading)}</h1><p class=\"meta\">{Html.Escape(t["title"])} · {Html.Escape(t["database"])}: {Html.Escape(databaseName)} · {Html.Escape(t["generated"])}: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC</p>");
        w.Write($"<nav><a href=\"#glance\">{Html.Escape(t["glance"])}</a><a href=\"#tasks\">{Html.Escape(t["task_table"])}</a><a href=\"#tasks-detail\">{Html.Escape(t["task_sections"])}</a><a href=\"#units\">{Html.Escape(t["departments"])}</a><a href=\"#audit\">{Html.Escape(t["audit"])}</a><a href=\"#sources\">{Html.Escape(t["sources"])}</a></nav>\n");
        Glance(w, report, t);
        TaskTable(w, report, t);
        TaskSections(w, report, t);
        Units(w, report, t);
        Audit(w, report, t);
        Sources(w, report, t);
        w.Write("</body></html>\n");
    }

    private static string StatusKey(string? status) => status is not null && Statuses.Contains(status) ? status : "unknown";

    private static string Badge(ReportText t, string? status) => $"<span class=\"status s-{StatusKey(status)}\">{Html.Escape(t.Status(status))}</span>";

    private static void Glance(TextWriter w, SeriesReport report, ReportText t)
    {
        var issues = report.Issues;
        var latest = report.Latest;
        var last = issues.LastOrDefault();
        w.Write($"<section id=\"glance\"><h2>{Html.Escape(t["glance"])}</h2><div class=\"cards\">");
        var range = issues.Count == 0 ? "" : $"{t.Issue(issues[0].Issue)}–{t.Issue(last!.Issue)} ({issues[0].Date} – {last.Date})";
        w.Write($"<div class=\"card\" data-count=\"issues\"><b>{issues.Count}</b>{Html.Escape(t["issues_covered"])}<br><small>{Html.Escape(range)}</small></div>");
        w.Write($"<div class=\"card\" data-count=\"tasks\"><b>{latest.Count}</b>{Html.Escape(t["tasks"])}</div>");
        foreach (var status in Statuses)
        {
            var count = latest.Count(r => StatusKey(r.Status) == status);
            w.Write($"<div class=\"card s-{status}\" data-count=\"{status}\"><b>{count}</b>{Html.Escape(t.Status(status == "unknown" ? null : status))}</div>");
        }

        w.Write($"</div><p class=\"meta\">{Html.Escape(t["from_latest"])}; {Html.Escape(t["latest_issue"])}: {Html.Escape(t.Issue(last?.Issue))} ({Html.Escape(last?.Date)})</p>");
        w.Write($"<h3>{Html.Escape(t["tallies"])}</h3>");
        if (report.Tallies.Count == 0)
        {
            w.Write($"<p class=\"none\">{Html.Escape(t["no_tallies"])}</p>");
        }
        else
        {
            w.Write($"<table class=\"tallies\"><thead><tr><th>{Html.Escape(t["issue"])}</th><th>{Html.Escape(t["bulletin_date"])}</th><th>{Html.Escape(t["declared_tasks"])}</th><th>{Html.Escape(t["tally_status"])}</th><th>{Html.Escape(t["tally_count"])}</th><th>{Html.Escape(t["tally_raw"])}</th></tr></thead><tbody>");
            foreach (var y in report.Tallies)
            {
                w.Write($"<tr data-status=\"{Html.Escape(y.Status)}\" data-count=\"{y.Count}\"><td>{Html.Escape(t.Issue(y.Issue))}</td><td>{Html.Escape(y.BulletinDate)}</td><td class=\"num\">{y.DeclaredTasks}</td><td>{Html.Escape(t.Tally(y.Status))}</td><td class=\"num\">{y.Count}</td><td>{Html.Escape(y.Raw)}</td></tr>");
            }

            w.Write("</tbody></table>");
        }

        w.Write("</section>\n");
    }

    private static void TaskTable(TextWriter w, SeriesReport report, ReportText t)
    {
        w.Write($"<section id=\"tasks\"><h2>{Html.Escape(t["task_table"])}</h2><table class=\"tasks\"><thead><tr>");
        foreach (var key in new[] { "number", "task", "lead_unit", "as_of", "completion", "elapsed", "status", "printed", "details" })
        {
            w.Write($"<th>{Html.Escape(t[key])}</th>");
        }

        w.Write("</tr></thead><tbody>\n");
        foreach (var r in report.Latest)
        {
            w.Write($"<tr data-identity=\"{r.IdentityId}\" data-number=\"{r.IdentityNumber}\" data-completion=\"{Round(r.Completion)}\" data-elapsed=\"{Round(r.Elapsed)}\" data-status=\"{Html.Escape(r.Status)}\">");
            w.Write($"<td class=\"num\">{r.IdentityNumber}</td><td>{Html.Escape(Shorten(r.Task))}</td><td>{Html.Escape(r.LeadDepartments)}</td><td class=\"date\">{Html.Escape(r.AsOf ?? r.BulletinDate)}</td>");
            w.Write($"<td class=\"num\">{ReportText.Percent(r.Completion)}</td><td class=\"num\">{ReportText.Percent(r.Elapsed)}</td><td>{Badge(t, r.Status)}</td>");
            w.Write($"<td>{(r.PrintedStatus is null ? "" : Html.Escape(r.PrintedRaw ?? t.Status(r.PrintedStatus)))}</td><td class=\"date\"><a href=\"#task-{r.IdentityId}\">{Html.Escape(t["details"])}</a></td></tr>\n");
        }

        w.Write("</tbody></table></section>\n");
    }

    private static void TaskSections(TextWriter w, SeriesReport report, ReportText t)
    {
        w.Write($"<section id=\"tasks-detail\"><h2>{Html.Escape(t["task_sections"])}</h2>\n");
        foreach (var task in report.Tasks)
        {
            var reports = task.ToList();
            var latest = reports[^1];
            w.Write($"<section class=\"task\" id=\"task-{task.Key}\"><div class=\"task-head\"><div class=\"task-text\"><h3>{latest.IdentityNumber}. {Html.Escape(Shorten(latest.Task))} {Badge(t, latest.Status)}</h3>");
            w.Write($"<p>{Html.Escape(latest.TaskText ?? latest.Task)}</p><p class=\"meta\">{Html.Escape(t["lead_unit"])}: {Html.Escape(latest.LeadDepartments)}</p></div>");
            w.Write(ReportChart.Svg(reports, t) ?? $"<p class=\"none\">{Html.Escape(t["no_chart"])}</p>");
            w.Write($"</div><table class=\"reports\"><thead><tr><th>{Html.Escape(t["issue"])}</th><th>{Html.Escape(t["as_of"])}</th><th>{Html.Escape(t["completion"])}</th><th>{Html.Escape(t["elapsed"])}</th><th>{Html.Escape(t["status"])}</th><th>{Html.Escape(t["progress"])}</th></tr></thead><tbody>");
            foreach (var r in reports)
            {
                var verdict = r.PrintedStatus is null ? "" : $"<br><small>{Html.Escape(t["printed"])}: {Html.Escape(r.PrintedRaw ?? t.Status(r.PrintedStatus))}</small>";
                w.Write($"<tr data-issue=\"{r.Issue}\" data-completion=\"{Round(r.Completion)}\" data-status=\"{Html.Escape(r.Status)}\"><td class=\"date\">{Html.Escape(t.Issue(r.Issue))}<br><small>{Html.Escape(r.BulletinDate)}</small></td><td class=\"date\">{Html.Escape(r.AsOf)}</td>");
                w.Write($"<td class=\"num\">{ReportText.Percent(r.Completion)}</td><td class=\"num\">{ReportText.Percent(r.Elapsed)}</td><td>{Badge(t, r.Status)}{verdict}</td>");
                w.Write($"<td>{(r.ProgressText is null ? $"<span class=\"none\">{Html.Escape(t["no_report"])}</span>" : Html.Escape(r.ProgressText))}</td></tr>");
            }

            w.Write($"</tbody></table><a class=\"back\" href=\"#tasks\">{Html.Escape(t["back"])}</a></section>\n");
        }

        w.Write("</section>\n");
    }

    private static void Units(TextWriter w, SeriesReport report, ReportText t)
    {
        w.Write($"<section id=\"units\"><h2>{Html.Escape(t["departments"])}</h2><table class=\"units\"><thead><tr><th>{Html.Escape(t["unit"])}</th><th>{Html.Escape(t["unit_tasks"])}</th><th>{Html.Escape(t["unit_behind"])}</th><th>{Html.Escape(t["unit_not_reported"])}</th></tr></thead><tbody>");
        foreach (var u in report.Units)
        {
            w.Write($"<tr data-unit=\"{Html.Escape(u.Department)}\"><td>{Html.Escape(u.Department)}</td><td class=\"num\">{u.Tasks}</td><td class=\"num\">{u.Behind}</td><td class=\"num\">{u.NotReported}</td></tr>");
        }

        w.Write("</tbody></table></section>\n");
    }

    private static void Audit(TextWriter w, SeriesReport report, ReportText t)
    {
        w.Write($"<section id=\"audit\"><h2>{Html.Escape(t["audit"])}</h2>");
        if (report.Findings.Count == 0)
        {
            w.Write($"<p class=\"none\" data-findings=\"0\">{Html.Escape(t["no_audit"])}</p></section>\n");
            return;
        }

        w.Write($"<table class=\"audit\" data-findings=\"{report.Findings.Count}\"><thead><tr><th>{Html.Escape(t["audit_kind"])}</th><th>{Html.Escape(t["issue"])}</th><th>{Html.Escape(t["number"])}</th><th>{Html.Escape(t["audit_figures"])}</th><th>{Html.Escape(t["audit_message"])}</th></tr></thead><tbody>");
        foreach (var f in report.Findings)
        {
            var number = f.IdentityId is { } id ? $"<a href=\"#task-{id}\">{f.Number}</a>" : $"{f.Number}";
            w.Write($"<tr data-kind=\"{Html.Escape(f.Kind)}\"><td>{Html.Escape(t.AuditKind(f.Kind))}</td><td>{Html.Escape(t.Issue(f.Issue))}</td><td class=\"num\">{number}</td><td>{Html.Escape(f.Figures)}</td><td>{Html.Escape(f.Message)}</td></tr>");
        }

        w.Write("</tbody></table></section>\n");
    }

    private static void Sources(TextWriter w, SeriesReport report, ReportText t)
    {
        w.Write($"<section id=\"sources\"><h2>{Html.Escape(t["sources"])}</h2><table class=\"sources\"><thead><tr><th>{Html.Escape(t["issue"])}</th><th>{Html.Escape(t["bulletin_date"])}</th><th>{Html.Escape(t["file"])}</th><th>{Html.Escape(t["format"])}</th><th>{Html.Escape(t["size"])}</th><th>{Html.Escape(t["sha256"])}</th></tr></thead><tbody>");
        foreach (var f in report.Sources)
        {
            w.Write($"<tr><td>{Html.Escape(t.Issue(f.Issue))}</td><td>{Html.Escape(f.BulletinDate)}</td><td>{Html.Escape(f.FileName)}</td><td>{Html.Escape(f.Format)}</td><td class=\"num\">{f.SizeBytes}</td><td><small>{Html.Escape(f.Sha256[..Math.Min(16, f.Sha256.Length)])}…</small></td></tr>");
        }

        w.Write("</tbody></table></section>\n");
    }

    /// <summary>The completion as the table shows it, one decimal, invariant: what a reader of the data attributes compares with SQL's round(x, 1).</summary>
    private static string Round(double? value) => value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Shorten(string? text) => text is null ? "" : text.Length <= ShortTask ? text : text[..ShortTask] + "…";
}
