using System.Text.RegularExpressions;
using Extraction.Rules;

namespace Extraction.Tests.Rules;

public sealed class PatternCompilationTests
{
    private static bool Compiled(Regex regex) => regex.Options.HasFlag(RegexOptions.Compiled);

    [Theory]
    [InlineData(1, PatternCompilation.None)]
    [InlineData(2, PatternCompilation.None)]
    [InlineData(3, PatternCompilation.Hot)]
    [InlineData(100_000, PatternCompilation.Hot)]
    public void The_compilation_follows_the_number_of_files(int files, PatternCompilation expected) =>
        Assert.Equal(expected, PatternCompilations.For(files));

    [Fact]
    public void Hot_patterns_are_compiled_from_a_few_files_and_paragraph_patterns_start_interpreted()
    {
        var none = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.None).Common;
        var hot = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.Hot).Common;

        Assert.False(Compiled(none.ProgressOpeners!.Pattern));
        Assert.True(Compiled(hot.ProgressOpeners!.Pattern));
        Assert.DoesNotContain(none.Paragraphs, p => Compiled(p.Rule.Pattern));
        Assert.DoesNotContain(hot.Paragraphs, p => Compiled(p.Rule.Pattern));
    }

    [Fact]
    public void A_rule_tried_often_in_a_run_of_many_files_is_compiled_and_matches_as_before()
    {
        var rule = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.Hot).Common.Paragraphs.First(p => p.Id == "task.arabic").Rule;
        var example = rule.Examples[0].Text;
        var interpreted = rule.Pattern.Match(example).Value;

        for (var i = 0; i < TieredPattern.TriesBeforeCompiling; i++)
        {
            _ = rule.Pattern;
        }

        Assert.True(Compiled(rule.Pattern));
        Assert.Equal(interpreted, rule.Pattern.Match(example).Value);
        Assert.Equal(TimeSpan.FromSeconds(2), rule.Pattern.MatchTimeout);
    }

    [Fact]
    public void In_a_run_of_a_file_or_two_no_pattern_is_ever_compiled()
    {
        var rule = RuleBookLoader.Load(TestPaths.Rules, PatternCompilation.None).Common.Paragraphs[0].Rule;
        for (var i = 0; i <= TieredPattern.TriesBeforeCompiling; i++)
        {
            _ = rule.Pattern;
        }

        Assert.False(Compiled(rule.Pattern));
    }

    [Fact]
    public void Two_threads_trying_one_pattern_compile_it_once_they_are_past_the_count()
    {
        var pattern = new TieredPattern(new Regex("a+"), () => new Regex("a+", RegexOptions.Compiled));
        Parallel.For(0, 2, thread =>
        {
            for (var i = 0; i < TieredPattern.TriesBeforeCompiling; i++)
            {
                _ = pattern.Regex;
            }
        });

        Assert.True(Compiled(pattern.Regex));
    }
}
