namespace Extraction.Cli.Commands;

/// <summary>
/// Expands the paths given to ingest. A file named on the command line is always taken;
/// inside folders only bulletin-like files are (the format itself is told from the content
/// later), so golden JSON, notes and hidden or Office lock files are passed over.
/// </summary>
internal static class InputFiles
{
    private static readonly HashSet<string> BulletinExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".docx", ".doc", ".pdf", ".html", ".htm", ".shtml", ".xhtml", "",
    };

    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
                continue;
            }

            files.AddRange(Directory
                .EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = System.IO.FileAttributes.Hidden })
                .Where(IsCandidate)
                .Order(StringComparer.Ordinal));
        }

        return files;
    }

    private static bool IsCandidate(string file)
    {
        var name = Path.GetFileName(file);
        // Dot-folders are skipped by the enumeration itself (they count as hidden on Unix).
        var hidden = name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal);
        return !hidden && BulletinExtensions.Contains(Path.GetExtension(name));
    }
}
