using System.ComponentModel;
using System.Diagnostics;

namespace Extraction.Readers;

/// <summary>
/// The programs the readers and the report run (pdftoppm, tesseract, soffice, chromium): found
/// on PATH, run in a folder of their own within a time limit, and, past it or at the caller's
/// deadline, killed with every process they started.
/// </summary>
public static class ExternalProgram
{
    internal sealed record Outcome(int ExitCode, string Output, string Error);

    /// <returns>What it printed, or null with the reason it did not finish.</returns>
    internal static (Outcome? Done, string? Failure) Run(string program, IEnumerable<string> arguments, string folder, TimeSpan timeLimit, CancellationToken stop)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Ingest runs one parse per core already: tesseract's own threads would only contend.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment["TMPDIR"] = folder;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Exception e) when (e is Win32Exception or IOException or UnauthorizedAccessException)
        {
            return (null, $"{Path.GetFileName(program)} could not be run ({program}: {OneLine(e.Message)})");
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
            deadline.CancelAfter(timeLimit);
            try
            {
                process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
                Task.WaitAll([output, error], TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                return (null, stop.IsCancellationRequested
                    ? $"{Path.GetFileName(program)} was stopped at the parse time limit"
                    : $"{Path.GetFileName(program)} took longer than {timeLimit.TotalSeconds:0.#} s (stopped)");
            }

            return (new Outcome(process.ExitCode, output.IsCompletedSuccessfully ? output.Result : "", error.IsCompletedSuccessfully ? error.Result : ""), null);
        }
    }

    /// <summary>The first of <paramref name="names"/> in a folder of PATH (on Windows also with .exe); null if none is.</summary>
    public static string? OnPath(params string[] names)
    {
        var candidates = OperatingSystem.IsWindows() ? names.SelectMany(n => new[] { n + ".exe", n }) : names;
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(dir => candidates.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Kills a program and what it started: soffice runs as a launcher and its child, chromium as
    /// many processes; killing the first alone would leave the work running.
    /// </summary>
    public static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It ended on its own meanwhile.
        }
    }

    internal static string OneLine(string message)
    {
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
