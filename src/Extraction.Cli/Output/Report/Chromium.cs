using System.ComponentModel;
using System.Diagnostics;
using Extraction.Readers;

namespace Extraction.Cli.Output.Report;

/// <summary>
/// Headless Chromium, when installed, for printing the report to PDF (and for the tests, which
/// read the page as the browser renders it). Each run gets a profile of its own in a temporary
/// folder, so that it neither touches nor waits for the user's browser, and is stopped, with its
/// child processes, at a time limit.
/// </summary>
internal static class Chromium
{
    public const string Install = "install Chromium (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk), or name its program in $EXTRACTION_CHROMIUM";

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>$EXTRACTION_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH; null when none is.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("EXTRACTION_CHROMIUM") is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }

        return ExternalProgram.OnPath(Names);
    }

    /// <summary>Runs the browser headless on <paramref name="arguments"/>; what it printed on standard output, or an error.</summary>
    public static (string? Output, string? Error) Run(string browser, IEnumerable<string> arguments, TimeSpan timeLimit)
    {
        var profile = Path.Combine(Path.GetTempPath(), "extract-chromium-" + Guid.NewGuid().ToString("N")[..12]);
        var start = new ProcessStartInfo(browser)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in Headless(profile).Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeLimit))
            {
                ExternalProgram.KillTree(process);
                return (null, $"the browser took longer than {timeLimit.TotalSeconds:0} s (stopped)");
            }

            process.WaitForExit();
            return process.ExitCode == 0
                ? (output.GetAwaiter().GetResult(), null)
                : (null, $"the browser failed (exit code {process.ExitCode}): {LastLine(error.GetAwaiter().GetResult())}");
        }
        catch (Win32Exception e)
        {
            return (null, $"{browser}: {e.Message}");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by a dying child is left to the temporary folder's cleaning.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// Headless, with no first-run, sync or extension traffic. The sandbox needs user namespaces,
    /// which root in a container lacks; the page run is the report itself, which runs no script.
    /// </summary>
    private static IEnumerable<string> Headless(string profile)
    {
        yield return "--headless";
        yield return "--disable-gpu";
        yield return "--no-first-run";
        yield return "--no-default-browser-check";
        yield return "--disable-extensions";
        yield return "--disable-background-networking";
        yield return "--disable-sync";
        yield return "--user-data-dir=" + profile;
        if (Environment.UserName == "root")
        {
            yield return "--no-sandbox";
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
}
