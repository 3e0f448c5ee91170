using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Extraction.Figures;
using Extraction.Rules;

namespace Extraction.Benchmarks;

/// <summary>
/// Where the time of figure extraction goes: the same 1 MB run through growing prefixes of
/// the pipeline — folding and skipping, then reading numbers, then their context.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class FigureStageBenchmarks
{
    private IReadOnlyList<string> fields = [];
    private RuleSet rules = null!;
    private FigureReader reader = null!;
    private FigureExtractor extractor = null!;
    private Regex[] notFigures = [];

    [GlobalSetup]
    public void Setup()
    {
        rules = BenchmarkInput.Rules;
        fields = BenchmarkInput.Fields();
        reader = new FigureReader(rules.Figures);
        extractor = new FigureExtractor(rules.Figures, rules.Folding);
        notFigures = [.. rules.Figures.NotFigures.Select(n => new Regex(n.Pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled))];
    }

    [Benchmark(Baseline = true, Description = "1 fold + skip")]
    public int FoldAndSkip()
    {
        var candidates = 0;
        foreach (var field in fields)
        {
            foreach (var c in rules.Folding.Fold(field))
            {
                candidates += reader.MayStart(c) ? 1 : 0;
            }
        }

        return candidates;
    }

    [Benchmark(Description = "2 + names with numerals")]
    public int Names()
    {
        var count = FoldAndSkip();
        foreach (var field in fields)
        {
            foreach (var pattern in notFigures)
            {
                for (var m = pattern.Match(field); m.Success; m = m.NextMatch())
                {
                    count++;
                }
            }
        }

        return count;
    }

    [Benchmark(Description = "3 + read numbers")]
    public int Read()
    {
        var count = Names();
        foreach (var field in fields)
        {
            var text = rules.Folding.Fold(field);
            for (var i = 0; i < text.Length;)
            {
                if (!reader.MayStart(text[i]))
                {
                    i++;
                    continue;
                }

                var (reading, next) = reader.ReadAt(text, i);
                count += reading is null ? 0 : 1;
                i = Math.Max(next, i + 1);
            }
        }

        return count;
    }

    [Benchmark(Description = "4 full extraction")]
    public int Full()
    {
        var count = 0;
        foreach (var field in fields)
        {
            count += extractor.Extract(field).Count;
        }

        return count;
    }
}
