using BenchmarkDotNet.Attributes;
using Extraction.Figures;
using Extraction.Figures.Dates;
using Extraction.Metrics;

namespace Extraction.Benchmarks;

/// <summary>
/// Figure and date extraction on bulletin text, single thread. Throughput in MB/s is
/// <c>InputMB / Mean</c>; the input size is printed as a column.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FigureBenchmarks
{
    private IReadOnlyList<string> fields = [];
    private FigureExtractor figures = null!;
    private DateResolver dates = null!;
    private MetricTagger metrics = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = BenchmarkInput.Rules;
        fields = BenchmarkInput.Fields();
        figures = new FigureExtractor(rules.Figures, rules.Folding);
        dates = new DateResolver(rules.Dates, rules.Folding);
        metrics = new MetricTagger(rules.Metrics, rules.Folding);
    }

    [Benchmark(Baseline = true, Description = "figures")]
    public int Figures()
    {
        var count = 0;
        foreach (var field in fields)
        {
            count += figures.Extract(field).Count;
        }

        return count;
    }

    [Benchmark(Description = "figures + as_of dates")]
    public int FiguresAndDates()
    {
        var count = 0;
        foreach (var field in fields)
        {
            count += figures.Extract(field).Count;
            count += dates.ResolveAsOf(field, 2020, new DateOnly(2020, 6, 4)) is null ? 0 : 1;
        }

        return count;
    }

    [Benchmark(Description = "figures + metrics (jieba)")]
    public int FiguresAndMetrics()
    {
        var count = 0;
        foreach (var field in fields)
        {
            count += metrics.Tag(field, figures.Extract(field)).Count;
        }

        return count;
    }
}
