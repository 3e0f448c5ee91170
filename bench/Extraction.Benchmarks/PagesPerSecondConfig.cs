using BenchmarkDotNet.Configs;
using UglyToad.PdfPig;

namespace Extraction.Benchmarks;

/// <summary>Adds the pages of the benchmarked PDF read per second to the summary table.</summary>
public sealed class PagesPerSecondConfig : ManualConfig
{
    public PagesPerSecondConfig()
    {
        AddColumn(new RateColumn("PagesPerSecond", "pages/s", $"Pages of {PdfBenchmarks.File} read per second, single thread", Pages, "0"));
    }

    private static double Pages()
    {
        using var document = PdfDocument.Open(BenchmarkInput.CorpusFile(PdfBenchmarks.File));
        return document.NumberOfPages;
    }
}
