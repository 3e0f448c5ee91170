using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

/// <summary>Adds the input size and the throughput (MB/s of UTF-8 input) to the summary table.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn());
    }

    // The summary is written by the host process, not the one that ran the benchmark, so the
    // input is measured here again (it is the same deterministic text).
    private static readonly Lazy<long> Input = new(() => BenchmarkInput.Utf8Bytes(BenchmarkInput.Fields()));

    private static long InputBytes => Input.Value;

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Throughput";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (10^6) of UTF-8 input per second, single thread";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || InputBytes == 0)
            {
                return "?";
            }

            var seconds = stats.Mean / 1e9;
            return (InputBytes / 1e6 / seconds).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
