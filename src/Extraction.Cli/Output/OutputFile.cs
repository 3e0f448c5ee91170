using System.Text;

namespace Extraction.Cli.Output;

/// <summary>
/// Rows written to a file named by --out, or to standard output. A file is written beside its
/// final name and moved there once complete, so a query stopped half-way (--timeout, an SQL
/// error on a later row) leaves neither a truncated file nor a damaged earlier one.
/// </summary>
internal static class OutputFile
{
    /// <summary>The byte-order mark that tells Excel and WPS a CSV is UTF-8; without it they read its Chinese as GBK.</summary>
    public const char ByteOrderMark = '\uFEFF';

    /// <summary>CSV opens with a byte-order mark when asked, and in a file named *.csv, the file a spreadsheet opens by a double click.</summary>
    public static bool WantsBom(string format, string? path, bool bom) =>
        format == "csv" && (bom || (path is not null && Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Runs <paramref name="write"/> on standard output (<paramref name="path"/> null) or on the file.</summary>
    public static void Write(TextWriter stdout, string? path, bool bom, Action<TextWriter> write)
    {
        if (path is null)
        {
            if (bom)
            {
                stdout.Write(ByteOrderMark);
            }

            write(stdout);
            return;
        }

        Replace(path, temporary =>
        {
            using var file = new StreamWriter(temporary, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
            write(file);
        });
    }

    /// <summary>Has <paramref name="write"/> make the file under a name beside <paramref name="path"/>, then moves it there.</summary>
    public static void Replace(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new DirectoryNotFoundException($"there is no folder {Path.GetDirectoryName(full)}");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
