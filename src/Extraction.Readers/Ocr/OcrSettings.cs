namespace Extraction.Readers.Ocr;

/// <summary>
/// How scans are recognised: the programs (tesseract, and poppler's pdftoppm to render PDF
/// pages), tesseract's language and page segmentation mode, the resolution pages are rendered
/// at, and the time one program may run. <see cref="FromEnvironment"/> reads them from
/// EXTRACTION_TESSERACT, EXTRACTION_PDFTOPPM, EXTRACTION_OCR_LANG, EXTRACTION_OCR_PSM and
/// EXTRACTION_OCR_DPI.
/// </summary>
/// <param name="Tesseract">tesseract's path, or a name looked up on PATH.</param>
/// <param name="Psm">6 (one uniform block of text) reads a bulletin's single column in order; 3 (automatic) scatters its lines.</param>
/// <param name="Dpi">150: what office scanners save; rendered finer, tesseract reads the speckles of a 150 dpi scan as characters.</param>
/// <param name="CacheDirectory">Where recognised pages are kept by content hash; null: nothing is kept.</param>
public sealed record OcrSettings(string Tesseract, string Pdftoppm, string Language, int Psm, int Dpi, TimeSpan TimeLimit, string? CacheDirectory)
{
    public const string InstallHint = "install tesseract and poppler (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils) or set EXTRACTION_TESSERACT and EXTRACTION_PDFTOPPM";

    /// <summary>Per page, for rendering or for recognition; the parse time limit of ingest bounds the whole file.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromSeconds(60);

    public static OcrSettings FromEnvironment(string? cacheDirectory) => new(
        Named("EXTRACTION_TESSERACT") ?? "tesseract",
        Named("EXTRACTION_PDFTOPPM") ?? "pdftoppm",
        Named("EXTRACTION_OCR_LANG") ?? "chi_sim",
        int.TryParse(Named("EXTRACTION_OCR_PSM"), out var psm) && psm is >= 0 and <= 13 ? psm : 6,
        int.TryParse(Named("EXTRACTION_OCR_DPI"), out var dpi) && dpi is >= 50 and <= 1200 ? dpi : 150,
        DefaultTimeLimit,
        cacheDirectory);

    private static string? Named(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value.Trim() : null;

    /// <summary>A program's full path: as named if it is a path, else the first on PATH; null if there is none.</summary>
    public static string? Locate(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar) || program.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        return ExternalProgram.OnPath(program);
    }
}
