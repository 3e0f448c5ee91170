namespace Extraction.Readers.Office;

/// <summary>
/// Where LibreOffice's soffice is: the program <see cref="EnvironmentVariable"/> names, else
/// soffice or libreoffice on PATH, else where LibreOffice's own installers put it on Windows
/// and macOS (neither adds it to PATH).
/// </summary>
public static class LibreOfficeLocator
{
    public const string EnvironmentVariable = "EXTRACTION_SOFFICE";

    /// <summary>What a user is told to do when there is none: one line, every platform.</summary>
    public const string InstallHint =
        "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows, macOS: https://www.libreoffice.org/download/) or set " + EnvironmentVariable + " to its soffice";

    /// <summary>The soffice to run, or why there is none.</summary>
    public static (string? Path, string? Missing) Locate()
    {
        var named = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named) ? (named, null) : (null, $"{EnvironmentVariable} names {named}, which does not exist");
        }

        var found = (OperatingSystem.IsWindows() ? ExternalProgram.OnPath("soffice", "soffice.com") : ExternalProgram.OnPath("soffice", "libreoffice"))
            ?? InstallerLocations().FirstOrDefault(File.Exists);
        return found is not null ? (found, null) : (null, "soffice was not found on PATH");
    }

    private static IEnumerable<string> InstallerLocations()
    {
        if (OperatingSystem.IsMacOS())
        {
            yield return "/Applications/LibreOffice.app/Contents/MacOS/soffice";
        }
        else if (OperatingSystem.IsWindows())
        {
            foreach (var folder in new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86 })
            {
                yield return Path.Combine(Environment.GetFolderPath(folder), "LibreOffice", "program", "soffice.exe");
            }
        }
    }
}
