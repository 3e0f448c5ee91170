using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Cli.Output.Report;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract report [--series TEXT] [--year N] [-o FILE.html] [--pdf FILE.pdf] [--lang zh|en]</c>:
/// one series as a single self-contained HTML page (and, through headless Chromium, a PDF of it),
/// for readers who will not open a database: it opens from an e-mail attachment with no network.
/// </summary>
internal static class ReportCommand
{
    /// <summary>Printing a report of a few hundred tasks takes a few seconds; a browser that hangs is stopped.</summary>
    private static readonly TimeSpan PdfTimeLimit = TimeSpan.FromSeconds(120);

    public static Command Create(CliContext context)
    {
        var series = new Option<string?>("--series", "-s") { Description = "Text the series name or issuer contains (needed when the database holds several series)", HelpName = "TEXT" };
        var year = new Option<int?>("--year") { Description = "The programme year, to choose among series of several years", HelpName = "N" };
        var output = new Option<string?>("--out", "-o") { Description = "The HTML file to write (default: standard output, unless --pdf is given)", HelpName = "FILE" };
        var pdf = new Option<string?>("--pdf") { Description = "Also print the report to this PDF file, through headless Chromium (A4)", HelpName = "FILE" };
        var lang = new Option<string>("--lang") { Description = "Language of the labels: zh or en (worded in rules/common/report.yaml)", DefaultValueFactory = _ => "zh", HelpName = "zh|en" };
        lang.AcceptOnlyFromAmong("zh", "en");
        var db = CommonOptions.Database();
        var rules = CommonOptions.Rules();
        var command = new Command("report", "Write one series as a self-contained HTML page (tasks, charts, lead units, audit), optionally printed to PDF") { series, year, output, pdf, lang, db, rules };
        command.SetAction(r => Run(context, r.GetValue(series), r.GetValue(year), r.GetValue(output), r.GetValue(pdf), r.GetValue(lang) == "en", r.GetValue(db)!, r.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string? seriesText, int? year, string? output, string? pdf, bool english, string databasePath, string? rulesDirectory)
    {
        var browser = pdf is null ? null : Chromium.Find();
        if (pdf is not null && browser is null)
        {
            return context.Fail($"--pdf needs Chromium, which is not installed: {Chromium.Install}");
        }

        try
        {
            var matches = ReportQueries.Series(databasePath, seriesText, year);
            if (matches.Count == 0)
            {
                var known = ReportQueries.Series(databasePath, null, null);
                return context.Fail(known.Count == 0
                    ? "no series matches (the database holds none: ingest bulletins first)"
                    : $"no series matches; the database holds: {Listed(known)}");
            }

            // A name such as 专项督查快报 is used by many offices, and most of them reach an archive
            // as a single issue: the series that runs through several issues is the one meant.
            // A tie is not guessed at.
            var chosen = matches.OrderByDescending(m => m.Issues).First();
            if (matches.Count(m => m.Issues == chosen.Issues) > 1)
            {
                return context.Fail($"{matches.Count} series match; choose one with --series (its name or issuer) and --year: {Listed(matches)}");
            }

            if (matches.Count > 1)
            {
                context.Error.WriteLine($"{matches.Count} series match; reporting the one with the most issues, {Named(chosen)} (others: {Listed(matches.Where(m => m != chosen))}; choose with --series and --year)");
            }

            var report = ReportQueries.Read(databasePath, chosen);
            var text = new ReportText(context.LoadRules(rulesDirectory).Common.Report, english);
            void Write(TextWriter w) => ReportPage.Write(w, report, text, Path.GetFileName(databasePath));
            if (output is null && pdf is null)
            {
                Write(context.Out);
                return ExitCodes.Ok;
            }

            var html = output ?? Path.Combine(Path.GetTempPath(), $"extract-report-{Guid.NewGuid():N}.html");
            try
            {
                OutputFile.Write(context.Out, html, bom: false, Write);
                if (output is not null)
                {
                    context.Error.WriteLine($"wrote {output} ({report.Latest.Count} tasks, {report.Issues.Count} issues)");
                }

                return pdf is null ? ExitCodes.Ok : Print(context, browser!, html, pdf);
            }
            finally
            {
                if (output is null)
                {
                    File.Delete(html);
                }
            }
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return context.Fail($"report: {e.Message}");
        }
    }

    /// <summary>Prints under a name beside the PDF and moves it there once complete: a browser stopped half-way leaves no half a PDF.</summary>
    private static int Print(CliContext context, string browser, string html, string pdf)
    {
        var target = Path.GetFullPath(pdf);
        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            return context.Fail($"--pdf {pdf}: there is no folder {Path.GetDirectoryName(target)}");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            var (_, error) = Chromium.Run(browser, ["--no-pdf-header-footer", "--print-to-pdf=" + temporary, new Uri(Path.GetFullPath(html)).AbsoluteUri], PdfTimeLimit);
            if (error is not null || !File.Exists(temporary) || new FileInfo(temporary).Length == 0)
            {
                return context.Fail($"--pdf {pdf}: {error ?? "the browser wrote no PDF"}");
            }

            File.Move(temporary, target, overwrite: true);
            context.Error.WriteLine($"wrote {pdf}");
            return ExitCodes.Ok;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string Named(ReportSeries s) => string.Join(' ', new[] { s.Issuer, s.Name, s.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(p => !string.IsNullOrEmpty(p))) + $" ({s.Issues} issues)";

    private static string Listed(IEnumerable<ReportSeries> series) => string.Join("; ", series.Select(Named));
}
