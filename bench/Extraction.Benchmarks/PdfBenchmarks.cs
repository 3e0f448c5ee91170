using BenchmarkDotNet.Attributes;
using Extraction.Pipeline;
using Extraction.Readers.Pdf;
using UglyToad.PdfPig;

namespace Extraction.Benchmarks;

/// <summary>
/// Reading the seed PDF (10 pages, printed by LibreOffice), single thread: PdfPig alone
/// (open and take every page's letters: the floor), our reader (letters to paragraphs), and
/// a whole parse (reader, segmenter, figures, metrics). Pages per second is
/// <c>Pages / Mean</c>. bench/pdf-vs-pdftotext.sh sets these beside pdftotext.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PagesPerSecondConfig))]
public class PdfBenchmarks
{
    public const string File = "sanmenxia-2020-11.pdf";

    private byte[] content = [];
    private BulletinParser parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        content = System.IO.File.ReadAllBytes(BenchmarkInput.CorpusFile(File));
        parser = new BulletinParser(BenchmarkInput.Book);
    }

    [Benchmark(Description = "PdfPig letters only")]
    public int PdfPigLetters()
    {
        using var document = PdfDocument.Open(content);
        var letters = 0;
        foreach (var page in document.GetPages())
        {
            letters += page.Letters.Count;
        }

        return letters;
    }

    [Benchmark(Baseline = true, Description = "PdfDocumentReader")]
    public int Reader() => new PdfDocumentReader().Read(content).Document!.Paragraphs.Count;

    [Benchmark(Description = "parse (read + segment + figures + metrics)")]
    public int Parse() => parser.Parse(File, content).Bulletin!.Tasks.Count;
}
