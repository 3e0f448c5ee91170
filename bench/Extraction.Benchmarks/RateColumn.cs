using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

/// <summary>
/// A summary column of work done per second: how much one run of the benchmark handles
/// (bytes, pages) over its mean time. The summary is written by the host process, not the one
/// that ran the benchmark, so the amount is measured there again, once.
/// </summary>
internal sealed class RateColumn(string id, string name, string legend, Func<double> perRun, string format) : IColumn
{
    private readonly Lazy<double> amount = new(perRun);

    public string Id => id;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics is { } stats && amount.Value > 0
            ? (amount.Value / (stats.Mean / 1e9)).ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : "?";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
