using System.Runtime.InteropServices;

namespace Extraction.Pipeline.Ingest;

/// <summary>
/// The files of an archive: a file named on the command line is always taken; inside folders
/// only bulletin-like names are (the format is told from the content later). Only regular files
/// are offered — a FIFO would block the reader forever and a device never ends — and a symbolic
/// link is followed once: a folder already visited (a link back into its parent) is not entered
/// again.
/// </summary>
public static class ArchiveFiles
{
    private static readonly HashSet<string> BulletinExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".docx", ".doc", ".wps", ".rtf", ".pdf", ".html", ".htm", ".shtml", ".xhtml", ".png", ".jpg", ".jpeg", ".tif", ".tiff", "",
    };

    /// <summary>The files under the paths, in a stable order, and the entries passed over with why.</summary>
    public static (List<string> Files, List<(string Path, string Reason)> Skipped) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<(string, string)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                Walk(path, files, skipped, visited);
            }
            else if (Kind(path) is var kind && kind == EntryKind.Regular)
            {
                files.Add(path);
            }
            else
            {
                skipped.Add((path, Describe(kind)));
            }
        }

        return (files, skipped);
    }

    private static void Walk(string folder, List<string> files, List<(string, string)> skipped, HashSet<string> visited)
    {
        if (!visited.Add(RealPath(folder)))
        {
            skipped.Add((folder, "a folder already visited (a link loop)"));
            return;
        }

        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add((folder, e.Message));
            return;
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);

            // Dot-files and folders, and Office lock files (~$x.docx), are not bulletins.
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
            {
                continue;
            }

            switch (Kind(entry))
            {
                case EntryKind.Folder:
                    Walk(entry, files, skipped, visited);
                    break;
                case EntryKind.Regular when BulletinExtensions.Contains(Path.GetExtension(name)):
                    files.Add(entry);
                    break;
                case EntryKind.Regular:
                    break;
                case var other:
                    skipped.Add((entry, Describe(other)));
                    break;
            }
        }
    }

    private static string RealPath(string folder)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            return (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return Path.GetFullPath(folder);
        }
    }

    private enum EntryKind { Regular, Folder, Special, Missing }

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Special => "not a regular file (a FIFO, socket or device)",
        EntryKind.Missing => "no such file, or a broken link",
        _ => "not a file",
    };

    /// <summary>What a path is, its links followed: a regular file, a folder, or something not to read.</summary>
    private static EntryKind Kind(string path)
    {
        // stat(2)'s layout is read for Linux only; elsewhere the file system's own answer serves.
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? EntryKind.Folder : File.Exists(path) ? EntryKind.Regular : EntryKind.Missing;
        }

        var mode = UnixMode(path);
        return mode switch
        {
            null => EntryKind.Missing,
            var m when (m & FileTypeMask) == RegularFile => EntryKind.Regular,
            var m when (m & FileTypeMask) == FolderType => EntryKind.Folder,
            _ => EntryKind.Special,
        };
    }

    private const uint FileTypeMask = 0xF000;
    private const uint RegularFile = 0x8000;
    private const uint FolderType = 0x4000;

    /// <summary>st_mode of stat(2), which follows links; null when the path does not resolve.</summary>
    private static uint? UnixMode(string path)
    {
        // struct stat puts st_mode after st_dev, st_ino and (on x86-64) st_nlink.
        var offset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        var buffer = new byte[256];
        return Native.stat(path, buffer) == 0 ? BitConverter.ToUInt32(buffer, offset) : null;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        internal static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    }
}
