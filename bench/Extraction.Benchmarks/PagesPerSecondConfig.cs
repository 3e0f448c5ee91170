using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using UglyToad.PdfPig;

namespace Extraction.Benchmarks;

/// <summary>Adds the page count of the benchmarked PDF and the pages read per second to the summary table.</summary>
public sealed class PagesPerSecondConfig : ManualConfig
{
    // The summary is written by the host process, so the pages are counted here again.
    private static readonly Lazy<int> Pages = new(() =>
    {
        using var document = PdfDocument.Open(BenchmarkInput.CorpusFile(PdfBenchmarks.File));
        return document.NumberOfPages;
    });

    public PagesPerSecondConfig()
    {
        AddColumn(new PagesPerSecondColumn());
    }

    private sealed class PagesPerSecondColumn : IColumn
    {
        public string Id => "PagesPerSecond";

        public string ColumnName => "pages/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"Pages of {PdfBenchmarks.File} read per second, single thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            return report?.ResultStatistics is { } stats
                ? (Pages.Value / (stats.Mean / 1e9)).ToString("0", System.Globalization.CultureInfo.InvariantCulture)
                : "?";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
