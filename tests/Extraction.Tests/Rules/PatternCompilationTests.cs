using System.Text.RegularExpressions;
using Extraction.Rules;

namespace Extraction.Tests.Rules;

public sealed class PatternCompilationTests
{
    [Theory]
    [InlineData(1, PatternCompilation.None)]
    [InlineData(2, PatternCompilation.None)]
    [InlineData(3, PatternCompilation.Hot)]
    [InlineData(999, PatternCompilation.Hot)]
    [InlineData(1000, PatternCompilation.All)]
    public void The_compilation_follows_the_number_of_files(int files, PatternCompilation expected) =>
        Assert.Equal(expected, PatternCompilations.For(files));

    [Fact]
    public void Paragraph_patterns_are_compiled_only_for_a_large_batch_and_hot_ones_from_a_few_files()
    {
        static bool Compiled(Regex regex) => regex.Options.HasFlag(RegexOptions.Compiled);

        var none = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.None).Common;
        var hot = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.Hot).Common;
        var all = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.All).Common;

        Assert.DoesNotContain(none.Paragraphs, p => Compiled(p.Rule.Pattern));
        Assert.False(Compiled(none.ProgressOpeners!.Pattern));
        Assert.DoesNotContain(hot.Paragraphs, p => Compiled(p.Rule.Pattern));
        Assert.True(Compiled(hot.ProgressOpeners!.Pattern));
        Assert.All(all.Paragraphs, p => Assert.True(Compiled(p.Rule.Pattern), p.Id));
    }

    [Fact]
    public void Compiling_on_several_threads_gives_the_same_patterns_as_on_one()
    {
        static IEnumerable<string> Patterns(RuleSet rules) =>
            rules.Paragraphs.Select(p => p.Rule.Pattern)
                .Concat(rules.Enumerations.Select(e => e.Pattern))
                .Concat(rules.Tallies.Forms.Select(f => f.Pattern))
                .Select(r => $"{r.Options}|{r.MatchTimeout}|{r}");

        var serial = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.All, threads: 1).Common;
        var parallel = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.All, threads: 2).Common;

        Assert.Equal(Patterns(serial), Patterns(parallel));
        Assert.All(parallel.Paragraphs, p => Assert.True(p.Rule.Pattern.Options.HasFlag(RegexOptions.Compiled), p.Id));
    }
}
