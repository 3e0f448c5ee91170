using Extraction.Figures;
using Extraction.Pipeline.FigureCases;
using Xunit.Abstractions;

namespace Extraction.Tests.Figures;

/// <summary>
/// The figure extractor against tables of cases: our own (every case right) and the
/// external one taken from other recognisers' test suites (at least 95% right).
/// The same check is available to users as <c>extract figures --check TABLE.tsv</c>.
/// </summary>
public sealed class FigureTableTests(ITestOutputHelper output)
{
    private static readonly FigureExtractor Extractor = new(TestPaths.RuleSet.Figures, TestPaths.RuleSet.Folding);

    private static string Table(string name) => Path.Combine(TestPaths.Root, "tests", "Extraction.Tests", "Figures", "Cases", name);

    [Fact]
    public void Every_case_of_our_table_is_right()
    {
        var report = FigureCaseChecker.Check(FigureCaseTable.Load(Table("figures.tsv")), Extractor);
        Print(report);
        Assert.True(report.Results.Count >= 400, $"only {report.Results.Count} cases");
        Assert.True(report.Results.Count(r => r.Case.Id.StartsWith("neg-", StringComparison.Ordinal) || r.Case.Id.StartsWith("trk-", StringComparison.Ordinal)) * 4 >= report.Results.Count, "fewer than a quarter of the cases are negative or tricky");
        Assert.True(report.Score == 1.0, $"{report.Summary}{Environment.NewLine}{string.Join(Environment.NewLine, report.Failures.Select(f => $"line {f.Case.Line}: {f.Case.Input}: {f.Failure}"))}");
    }

    [Fact]
    public void At_least_95_percent_of_the_external_cases_are_exactly_right()
    {
        var report = FigureCaseChecker.Check(FigureCaseTable.Load(Table("figures-external.tsv")), Extractor);
        Print(report);
        Assert.Equal(354, report.Results.Count);
        Assert.True(report.Score >= 0.95, report.Summary);
    }

    private void Print(FigureCaseReport report)
    {
        foreach (var failure in report.Failures)
        {
            output.WriteLine($"line {failure.Case.Line} [{failure.Case.Source}] {failure.Case.Input}: {failure.Failure}");
        }

        output.WriteLine(report.Summary);
    }
}
