using BenchmarkDotNet.Configs;

namespace Extraction.Benchmarks;

/// <summary>Adds the throughput (MB/s of UTF-8 input) to the summary table.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        // The input is the same deterministic text the benchmarks read.
        AddColumn(new RateColumn("Throughput", "MB/s", "Megabytes (10^6) of UTF-8 input per second, single thread", () => BenchmarkInput.Utf8Bytes(BenchmarkInput.Fields()) / 1e6, "0.0"));
    }
}
