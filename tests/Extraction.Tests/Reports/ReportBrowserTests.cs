using System.Globalization;
using System.Text.RegularExpressions;
using Extraction.Cli.Output.Report;
using Extraction.Tests.Cli;
using Extraction.Tests.History;
using Xunit.Abstractions;

namespace Extraction.Tests.Reports;

/// <summary>
/// The report as headless Chromium renders it: the task table of the rendered DOM against
/// task_history, no request leaving the page, a screenshot and a PDF. Skipped where Chromium is
/// not installed (CI installs chromium and fonts-noto-cjk). One class, so its browsers run in turn.
/// </summary>
public sealed partial class ReportBrowserTests(TaskHistoryTests.SeriesDatabase corpus, GeneratedSeries generated, ITestOutputHelper output)
    : IClassFixture<TaskHistoryTests.SeriesDatabase>, IClassFixture<GeneratedSeries>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [RequiresProgramFact("chromium")]
    public void The_rendered_corpus_report_shows_the_completions_and_statuses_of_task_history()
    {
        using var dir = new TempDirectory();
        var html = Write(corpus.Path, dir.File("r.html"), "--series", "专项督查快报");
        var dom = Dom(html);
        var shown = ReportDom.Tasks(dom);
        Assert.Equal(22, shown.Count);
        Assert.Equal(ReportDom.Expected(corpus.Path, "专项督查快报"), shown);
        Assert.Equal(22, ReportDom.Counts(dom)["tasks"]);
        Assert.Contains("default-src 'none'", dom);
        Assert.Empty(ReportDom.ExternalAddresses(File.ReadAllText(html)));
    }

    [RequiresProgramFact("chromium")]
    public void The_page_makes_no_request_and_a_screenshot_is_drawn()
    {
        using var dir = new TempDirectory();
        var html = Write(corpus.Path, dir.File("r.html"));
        var (resources, loadMs) = Probe(html, dir.File("probe.html"));
        Assert.Equal(0, resources);
        output.WriteLine($"corpus report: {new FileInfo(html).Length} bytes, load event at {loadMs} ms");

        // The probe is not blind: a page that asks a server for a style sheet has a resource entry, even
        // when the request fails (a closed port of this machine; file: loads are never entries).
        var (control, _) = Probe(html, dir.File("control.html"), "<link rel=\"stylesheet\" href=\"http://127.0.0.1:9/control.css\">");
        Assert.True(control >= 1, $"{control} resource entries");

        var png = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        File.Delete(png);
        var (_, error) = Chromium.Run(Browser, ["--window-size=1100,1500", "--hide-scrollbars", "--screenshot=" + png, new Uri(html).AbsoluteUri], Limit);
        Assert.True(error is null, error);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.True(bytes.Length > 50_000, $"{bytes.Length} bytes: a blank page?");
        output.WriteLine($"screenshot: {png}");
    }

    [RequiresProgramFact("chromium")]
    public void The_generated_series_renders_with_its_30_tasks()
    {
        var html = Write(generated.Path, generated.File("g.html"));
        var size = new FileInfo(html).Length;
        Assert.True(size < 2_000_000, $"{size} bytes");
        var dom = Dom(html);
        Assert.Equal(ReportDom.Expected(generated.Path, GeneratedSeries.Series), ReportDom.Tasks(dom));
        var (resources, loadMs) = Probe(html, generated.File("probe.html"));
        Assert.Equal(0, resources);
        output.WriteLine($"30 tasks × 12 issues: {size} bytes, load event at {loadMs} ms");
    }

    [RequiresProgramFact("chromium")]
    public void Pdf_prints_the_report_through_the_browser()
    {
        using var dir = new TempDirectory();
        var pdf = dir.File("r.pdf");
        var (exit, _, error) = CliRunner.Run("report", "--db", corpus.Path, "--rules", TestPaths.Rules, "--pdf", pdf);
        Assert.True(exit == 0, error);
        var bytes = File.ReadAllBytes(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 20_000, $"{bytes.Length} bytes");
        Assert.Empty(Directory.GetFiles(dir.Path, ".*tmp"));
    }

    [Fact]
    public void Pdf_without_a_browser_is_a_one_line_error_saying_how_to_install_one()
    {
        // Here, not in a class of its own: the variable is the process's, and this class's tests run in turn.
        using var dir = new TempDirectory();
        Environment.SetEnvironmentVariable("EXTRACTION_CHROMIUM", dir.File("no-chromium"));
        try
        {
            var (exit, _, error) = CliRunner.Run("report", "--db", corpus.Path, "--pdf", dir.File("r.pdf"));
            Assert.Equal(1, exit);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("apt-get install chromium", error);
            Assert.False(File.Exists(dir.File("r.pdf")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("EXTRACTION_CHROMIUM", null);
        }
    }

    private static string Browser => Chromium.Find() ?? throw new InvalidOperationException("chromium is on PATH but not found");

    private static string Write(string database, string file, params string[] options)
    {
        var (exit, _, error) = CliRunner.Run(["report", "--db", database, "--rules", TestPaths.Rules, "-o", file, .. options]);
        Assert.True(exit == 0, error);
        return file;
    }

    private static string Dom(string html)
    {
        var (dom, error) = Chromium.Run(Browser, ["--dump-dom", new Uri(html).AbsoluteUri], Limit);
        Assert.True(dom is not null, error);
        return dom;
    }

    /// <summary>
    /// A copy of the page without its Content-Security-Policy, so that any request it would make is
    /// made, and with one inline script, which writes into the DOM, at the load event, how many
    /// resources the page fetched and the milliseconds since navigation began.
    /// </summary>
    private static (int Resources, double LoadMs) Probe(string html, string copy, string extraHead = "")
    {
        var text = File.ReadAllText(html)
            .Replace($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ReportPage.ContentSecurityPolicy}\">", "", StringComparison.Ordinal)
            .Replace("</head>", extraHead + "</head>", StringComparison.Ordinal)
            .Replace(
                "</body>",
                "<script>addEventListener('load',function(){document.body.setAttribute('data-load-ms',performance.now().toFixed(1));document.body.setAttribute('data-resources',performance.getEntriesByType('resource').length)});</script></body>",
                StringComparison.Ordinal);
        File.WriteAllText(copy, text);
        var m = ProbePattern().Match(Dom(copy));
        Assert.True(m.Success, "the probe wrote nothing");
        return (int.Parse(m.Groups["r"].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""<body data-load-ms="(?<ms>[\d.]+)" data-resources="(?<r>\d+)">""")]
    private static partial Regex ProbePattern();
}
