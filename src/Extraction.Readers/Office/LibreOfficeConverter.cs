using System.ComponentModel;
using System.Diagnostics;

namespace Extraction.Readers.Office;

/// <summary>
/// Converts a legacy file (.doc, .wps, .rtf) to .docx with LibreOffice, one headless soffice per
/// file. Each conversion has a LibreOffice profile of its own in a temporary folder, deleted with
/// the file afterwards: soffice refuses a second instance on a profile in use, so conversions
/// running at once would wait for one another or fail, and a user's own profile is never touched.
/// A conversion past its time limit has its whole process tree killed.
/// </summary>
/// <param name="locate">Where soffice is, or why there is none; asked at each conversion.</param>
/// <param name="timeLimit">How long a conversion may take when the caller sets no deadline of its own.</param>
public sealed class LibreOfficeConverter(Func<(string? Path, string? Missing)> locate, TimeSpan timeLimit)
{
    /// <summary>The same as the ingest's default parse time limit: a cold start with a fresh profile takes 1.5–3 s.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromSeconds(20);

    /// <summary>soffice as <see cref="LibreOfficeLocator"/> finds it, within the default time limit.</summary>
    public LibreOfficeConverter()
        : this(LibreOfficeLocator.Locate, DefaultTimeLimit)
    {
    }

    public LibreOfficeConverter(string soffice, TimeSpan timeLimit)
        : this(() => (soffice, null), timeLimit)
    {
    }

    /// <summary>The .docx LibreOffice makes of the file, or the one-line reason it could not.</summary>
    /// <param name="stop">
    /// The caller's deadline (ingest's parse time limit): when it passes, soffice is killed. A
    /// caller that can set none gets the converter's own time limit, so no conversion hangs.
    /// </param>
    public (byte[]? Docx, string? Error) ToDocx(byte[] content, LegacyFormat from, CancellationToken stop = default)
    {
        var (soffice, missing) = locate();
        if (soffice is null)
        {
            return (null, $"{Describe(from)} is read through LibreOffice, and {missing}: {LibreOfficeLocator.InstallHint}");
        }

        DirectoryInfo? work = null;
        try
        {
            work = Directory.CreateTempSubdirectory("extraction-soffice-");
            var input = Path.Combine(work.FullName, "bulletin" + Extension(from));
            File.WriteAllBytes(input, content);
            return Convert(soffice, work.FullName, input, stop);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Win32Exception)
        {
            return (null, $"LibreOffice could not be run ({soffice}: {OneLine(e.Message)})");
        }
        finally
        {
            Delete(work);
        }
    }

    private (byte[]? Docx, string? Error) Convert(string soffice, string work, string input, CancellationToken stop)
    {
        var outputFolder = Path.Combine(work, "docx");
        var start = new ProcessStartInfo(soffice)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "-env:UserInstallation=" + new Uri(Path.Combine(work, "profile")).AbsoluteUri,
                "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "docx:MS Word 2007 XML",
                "--outdir", outputFolder,
                input,
            },
        };

        using var process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        process.StandardInput.Close();
        var said = Task.WhenAll(process.StandardOutput.ReadToEndAsync(CancellationToken.None), process.StandardError.ReadToEndAsync(CancellationToken.None));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (!stop.CanBeCanceled)
        {
            deadline.CancelAfter(timeLimit);
        }

        try
        {
            process.WaitForExitAsync(deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            ExternalProgram.KillTree(process);
            return (null, stop.IsCancellationRequested
                ? "LibreOffice was stopped at the parse time limit"
                : $"LibreOffice took longer than {timeLimit.TotalSeconds:0.#} s to convert it (stopped)");
        }

        var produced = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(input) + ".docx");
        if (File.Exists(produced))
        {
            return (File.ReadAllBytes(produced), null);
        }

        // A child that outlived soffice may hold its pipes open: what it said is not waited for.
        var reason = said.Wait(TimeSpan.FromSeconds(2)) ? Reason(said.Result) : null;
        return (null, $"LibreOffice could not convert it to .docx (exit code {process.ExitCode}{(reason is null ? "" : ": " + reason)})");
    }

    /// <summary>The line of soffice's output that says what went wrong: an error if it printed one, not the warning about Java it prints every time.</summary>
    private static string? Reason(string[] output)
    {
        var lines = output.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var line = lines.FirstOrDefault(l => l.StartsWith("Error", StringComparison.OrdinalIgnoreCase))
            ?? lines.FirstOrDefault(l => !l.StartsWith("Warning", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("convert ", StringComparison.Ordinal));
        return line is null ? null : OneLine(line);
    }

    private static void Delete(DirectoryInfo? work)
    {
        try
        {
            work?.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file a killed process still held: the system's temporary folder is cleaned in time.
        }
    }

    public static string Describe(LegacyFormat format) => format switch
    {
        LegacyFormat.Doc => "a Word 97–2003 or WPS file (.doc/.wps)",
        LegacyFormat.Rtf => "an RTF file (.rtf)",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static string Extension(LegacyFormat format) => format == LegacyFormat.Rtf ? ".rtf" : ".doc";

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
