using UglyToad.PdfPig;

namespace Extraction.Benchmarks;

/// <summary>
/// The anchor of PDF ingest in bench/ingest.sh: PdfPig's own text extraction, in one process,
/// over every PDF of a folder — open each file and take every page's text, nothing more.
/// </summary>
public static class PdfPigText
{
    public static int Run(string folder)
    {
        long characters = 0;
        var files = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal))
        {
            using var document = PdfDocument.Open(File.ReadAllBytes(file));
            foreach (var page in document.GetPages())
            {
                characters += page.Text.Length;
            }

            files++;
        }

        Console.WriteLine($"{files} files, {characters} characters");
        return 0;
    }
}
