using System.Diagnostics;
using Extraction.Readers.Office;

namespace Extraction.Tests.Readers;

/// <summary>A fact that needs LibreOffice: skipped, saying how to install it, where soffice is not found.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute() => Skip = LibreOfficeTesting.Missing;
}

/// <summary>A theory that needs LibreOffice: skipped, saying how to install it, where soffice is not found.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute() => Skip = LibreOfficeTesting.Missing;
}

/// <summary>A fact whose stand-in for soffice is a shell script and whose processes are looked up in /proc: Linux only.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute() => Skip = OperatingSystem.IsLinux() ? null : "a shell script stands in for soffice and /proc tells which processes run: Linux only";
}

/// <summary>
/// Tests that set <see cref="LibreOfficeLocator.EnvironmentVariable"/> or PATH, which every
/// conversion of the process reads: they run alone, after the tests that run in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SofficeEnvironmentCollection
{
    public const string Name = "soffice environment";
}

public static class LibreOfficeTesting
{
    /// <summary>Why the tests that convert with the real LibreOffice cannot run here, or null when they can.</summary>
    public static string? Missing => LibreOfficeLocator.Locate().Path is null
        ? "LibreOffice is not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk): the test saves files with it"
        : null;

    /// <summary>
    /// Saves <paramref name="sources"/> in another format with the real soffice, as a person
    /// would in Word or WPS, into <paramref name="folder"/> (one process for all, in a profile of its own).
    /// </summary>
    public static void SaveAs(string format, string folder, params string[] sources)
    {
        var soffice = LibreOfficeLocator.Locate().Path ?? throw new InvalidOperationException(Missing);
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-env:UserInstallation=" + new Uri(Path.Combine(folder, "profile")).AbsoluteUri, "--headless", "--convert-to", format, "--outdir", folder }.Concat(sources))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"soffice --convert-to {format} took more than 2 minutes");
        }

        var missing = sources.Select(s => Path.Combine(folder, Path.GetFileNameWithoutExtension(s) + "." + format)).Where(f => !File.Exists(f)).ToList();
        Assert.True(missing.Count == 0, $"soffice made no {string.Join(", ", missing)}: {said.Result} {errors.Result}");
    }

    /// <summary>An executable shell script in <paramref name="folder"/> that stands in for soffice.</summary>
    public static string FakeSoffice(string folder, string body)
    {
        var path = Path.Combine(folder, "soffice");
        File.WriteAllText(path, "#!/bin/sh\n" + body.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>
    /// A stand-in for soffice that "converts" any file into <paramref name="docx"/>, where soffice
    /// would put it (--outdir, the input's name), and writes its arguments to <paramref name="argumentsFile"/>, one a line.
    /// </summary>
    public static string CopyingSoffice(string folder, string docx, string argumentsFile) => FakeSoffice(folder, $$"""
        printf '%s\n' "$@" >> '{{argumentsFile}}'
        while [ $# -gt 0 ]; do
          if [ "$1" = --outdir ]; then out="$2"; shift; fi
          last="$1"; shift
        done
        name=$(basename "$last")
        mkdir -p "$out" && cp '{{docx}}' "$out/${name%.*}.docx"
        """);
}

/// <summary>Sets an environment variable for the length of a test and puts back what it was.</summary>
public sealed class EnvironmentOverride : IDisposable
{
    private readonly string name;
    private readonly string? before;

    public EnvironmentOverride(string name, string? value)
    {
        this.name = name;
        before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, before);
}
