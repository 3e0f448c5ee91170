using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Extraction.Readers.Ocr;

/// <summary>One page as tesseract read it: the image's size in pixels and tesseract's TSV of words with boxes and confidences.</summary>
public sealed record OcrPage(int Number, int Width, int Height, string Tsv);

/// <summary>
/// Recognises the pages of a scanned PDF: pdftoppm renders them (grey, at the settings' dpi)
/// into a temporary folder of the call's own, tesseract reads each into TSV. What it read is
/// kept in the cache under the SHA-256 of the file, the settings and tesseract's version, so a
/// file parsed again (re-ingest, --force, extract check) is not recognised again; each page is
/// kept as soon as it is read, so a long scan stopped by ingest's time limit goes on where it was.
/// </summary>
public sealed class TesseractEngine(OcrSettings settings)
{
    private static readonly ConcurrentDictionary<string, string> Versions = new();

    public OcrSettings Settings => settings;

    /// <summary>How many pages were recognised rather than taken from the cache, by this engine (tests, benchmarks).</summary>
    public int PagesRecognised => recognised;

    private int recognised;

    public (IReadOnlyList<OcrPage>? Pages, string? Error) Recognise(byte[] pdf, CancellationToken stop = default) => Recognise(pdf, null, stop);

    /// <summary>An image file read by tesseract as it is, as one page.</summary>
    public (IReadOnlyList<OcrPage>? Pages, string? Error) RecogniseImage(byte[] image, string kind, CancellationToken stop = default) => Recognise(image, kind, stop);

    private (IReadOnlyList<OcrPage>? Pages, string? Error) Recognise(byte[] pdf, string? image, CancellationToken stop)
    {
        var tesseract = OcrSettings.Locate(settings.Tesseract);
        var pdftoppm = image is null ? OcrSettings.Locate(settings.Pdftoppm) : "";
        if (tesseract is null || pdftoppm is null)
        {
            var missing = tesseract is null ? settings.Tesseract : settings.Pdftoppm;
            var what = image is null ? "no text layer (scanned image?)" : $"an image ({image})";
            return (null, $"{what}, and it is read by OCR, but {missing} was not found: {OcrSettings.InstallHint}");
        }

        var version = Version(tesseract, stop);
        var cached = CachePath(pdf, image, version);
        if (cached is not null && Cached(cached) is { } pages)
        {
            return (pages, null);
        }

        DirectoryInfo? work = null;
        try
        {
            work = Directory.CreateTempSubdirectory("extraction-ocr-");
            var (read, error) = image is null ? Run(tesseract, pdftoppm, work.FullName, pdf, cached, stop) : RunImage(tesseract, work.FullName, pdf, image, stop);
            if (read is not null && cached is not null)
            {
                Save(cached, read);
                foreach (var page in read)
                {
                    TryDelete(PagePath(cached, page.Number));
                }
            }

            return (read, error);
        }
        catch (IOException e)
        {
            return (null, $"OCR could not run ({ExternalProgram.OneLine(e.Message)})");
        }
        finally
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
    }

    /// <param name="cached">The document's cache file: each page is also kept beside it as soon as it is read, so a parse stopped by its time limit (a long scan) or by a failure on a later page goes on from where it was when the file is read again.</param>
    private (IReadOnlyList<OcrPage>?, string?) Run(string tesseract, string pdftoppm, string work, byte[] pdf, string? cached, CancellationToken stop)
    {
        var input = Path.Combine(work, "scan.pdf");
        File.WriteAllBytes(input, pdf);
        var (rendered, failure) = ExternalProgram.Run(pdftoppm, ["-r", settings.Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", input, Path.Combine(work, "page")], work, settings.TimeLimit * 4, stop);
        if (rendered is null || rendered.ExitCode != 0)
        {
            return (null, failure ?? $"pdftoppm could not render its pages (exit code {rendered!.ExitCode}: {ExternalProgram.OneLine(rendered.Error)})");
        }

        // page-1.png … or page-01.png …: pdftoppm pads to the width of the last number.
        var images = Directory.GetFiles(work, "page-*.png").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var pages = new List<OcrPage>(images.Count);
        foreach (var image in images)
        {
            var number = pages.Count + 1;
            var pagePath = cached is null ? null : PagePath(cached, number);
            if (pagePath is not null && Cached(pagePath) is [{ } kept] && kept.Number == number)
            {
                pages.Add(kept);
                File.Delete(image);
                continue;
            }

            var (read, error) = Tesseract(tesseract, image, work, stop);
            if (read is null)
            {
                return (null, error?.Replace($"tesseract could not read {Path.GetFileNameWithoutExtension(image).Replace('-', ' ')}", $"tesseract could not read page {number}", StringComparison.Ordinal));
            }

            var (width, height) = PngSize(File.ReadAllBytes(image));
            var page = new OcrPage(number, width, height, read);
            pages.Add(page);
            Interlocked.Increment(ref recognised);
            if (pagePath is not null)
            {
                Save(pagePath, [page]);
            }

            File.Delete(image);
        }

        return (pages, null);
    }

    private (IReadOnlyList<OcrPage>?, string?) RunImage(string tesseract, string work, byte[] content, string kind, CancellationToken stop)
    {
        var input = Path.Combine(work, "page." + kind);
        File.WriteAllBytes(input, content);
        var (read, error) = Tesseract(tesseract, input, work, stop);
        if (read is null)
        {
            return (null, error);
        }

        Interlocked.Increment(ref recognised);
        var (width, height) = TsvPageSize(read);
        return ([new OcrPage(1, width, height, read)], null);
    }

    private (string? Tsv, string? Error) Tesseract(string tesseract, string image, string work, CancellationToken stop)
    {
        var (read, error) = ExternalProgram.Run(tesseract, [image, "stdout", "-l", settings.Language, "--psm", settings.Psm.ToString(System.Globalization.CultureInfo.InvariantCulture), "tsv"], work, settings.TimeLimit, stop);
        return read is null || read.ExitCode != 0
            ? (null, error ?? $"tesseract could not read {Path.GetFileNameWithoutExtension(image).Replace('-', ' ')} (exit code {read!.ExitCode}: {ExternalProgram.OneLine(read.Error)})")
            : (read.Output, null);
    }

    // The page row of the TSV (level 1) holds the image's size in pixels.
    private static (int Width, int Height) TsvPageSize(string tsv)
    {
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.Split('\t');
            if (cells.Length >= 10 && cells[0] == "1" && int.TryParse(cells[8], out var width) && int.TryParse(cells[9], out var height))
            {
                return (width, height);
            }
        }

        return (0, 0);
    }

    private static (int Width, int Height) PngSize(byte[] png) =>
        png.Length >= 24 ? (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))) : (0, 0);

    /// <summary>tesseract's first line of --version ("tesseract 5.3.0"), asked once per program: another version reads differently.</summary>
    private string Version(string tesseract, CancellationToken stop) => Versions.GetOrAdd(tesseract, path =>
    {
        var folder = Path.GetTempPath();
        var (done, _) = ExternalProgram.Run(path, ["--version"], folder, TimeSpan.FromSeconds(10), stop);
        return done is null ? "unknown" : (done.Output + done.Error).Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Length > 0) ?? "unknown";
    });

    private string? CachePath(byte[] pdf, string? image, string version)
    {
        if (settings.CacheDirectory is null)
        {
            return null;
        }

        var key = $"{Convert.ToHexStringLower(SHA256.HashData(pdf))}|{image}|{settings.Language}|{settings.Psm}|{settings.Dpi}|{version}";
        return Path.Combine(settings.CacheDirectory, $"ocr-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}.tsv");
    }

    private static string PagePath(string cached, int page) => $"{cached}.page{page}";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A page file left behind is only used again for the same file, and agrees with it.
        }
    }

    // A page opens with a line "\f NUMBER WIDTH HEIGHT"; the file ends with "\f end", so a truncated one is recognised again.
    private static IReadOnlyList<OcrPage>? Cached(string path)
    {
        try
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (!text.EndsWith("\f end\n", StringComparison.Ordinal))
            {
                return null;
            }

            var pages = new List<OcrPage>();
            foreach (var part in text[..^"\f end\n".Length].Split('\f', StringSplitOptions.RemoveEmptyEntries))
            {
                var newline = part.IndexOf('\n');
                var head = part[..newline].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
                pages.Add(new OcrPage(head[0], head[1], head[2], part[(newline + 1)..]));
            }

            return pages;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // absent or damaged: recognised again
        }
    }

    private static void Save(string path, IReadOnlyList<OcrPage> pages)
    {
        var text = new StringBuilder();
        foreach (var page in pages)
        {
            text.Append($"\f {page.Number} {page.Width} {page.Height}\n").Append(page.Tsv.Replace('\f', ' '));
        }

        text.Append("\f end\n");
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // The cache is only a shortcut.
            }
        }
    }
}
