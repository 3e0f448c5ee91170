using Extraction.Pipeline.RuleChecks;

namespace Extraction.Tests.Rules;

/// <summary>Every example written in rules/ holds, rule by rule.</summary>
public sealed class RuleExampleTests
{
    private static readonly Lazy<IReadOnlyList<RuleCheck>> Checks = new(() => new RuleExampleChecker(TestPaths.RuleBook).CheckAll());

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Checks.Value.Select(c => c.RuleId).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_holds_for_its_examples(string ruleId)
    {
        var failures = Checks.Value.Where(c => c.RuleId == ruleId && !c.Passed).Select(c => c.ToString()).ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_rule_file_contributes_checked_examples()
    {
        var files = Checks.Value.Select(c => c.File).Distinct().ToList();
        foreach (var file in new[] { "layout.yaml", "masthead.yaml", "structure.yaml", "dates.yaml", "figures" })
        {
            Assert.Contains(file, files);
        }

        Assert.True(Checks.Value.Count > 150, $"only {Checks.Value.Count} rule examples");
    }
}
