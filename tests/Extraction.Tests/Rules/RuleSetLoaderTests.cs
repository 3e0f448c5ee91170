using Extraction.Rules;

namespace Extraction.Tests.Rules;

public sealed class RuleSetLoaderTests
{
    [Fact]
    public void Project_rules_load()
    {
        var rules = TestPaths.RuleSet;
        Assert.NotEmpty(rules.Paragraphs);
        Assert.NotEmpty(rules.Figures.Units);
        Assert.Matches("^[0-9a-f]{16}$", rules.Fingerprint);
    }

    [Fact]
    public void A_bad_pattern_is_reported_with_its_file_and_rule()
    {
        using var dir = CopyOfRules();
        var structure = Path.Combine(dir.Path, "common", "structure.yaml");
        File.WriteAllText(structure, File.ReadAllText(structure).Replace("id: task.arabic\n    role: task\n    pattern: '^", "id: task.arabic\n    role: task\n    pattern: '^(", StringComparison.Ordinal));

        var error = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(dir.Path));
        Assert.Contains("structure.yaml", error.Message);
        Assert.Contains("task.arabic", error.Message);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_a_silent_default()
    {
        using var dir = CopyOfRules();
        var layout = Path.Combine(dir.Path, "common", "layout.yaml");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("counter_examples:", "counterexamples:", StringComparison.Ordinal));

        var error = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(dir.Path));
        Assert.Contains("layout.yaml", error.Message);
    }

    [Fact]
    public void A_rule_without_examples_is_refused()
    {
        using var dir = CopyOfRules();
        var layout = Path.Combine(dir.Path, "common", "layout.yaml");
        var text = File.ReadAllText(layout);
        var start = text.IndexOf("    examples:\n      - text: '第3页 共5页'", StringComparison.Ordinal);
        var end = text.IndexOf("    counter_examples:\n      - '第3项'", StringComparison.Ordinal);
        File.WriteAllText(layout, text[..start] + text[end..]);

        var error = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(dir.Path));
        Assert.Contains("page-number.of-pages has no examples", error.Message);
    }

    public static TheoryData<string, string, string, string> UnknownMeanings() => new()
    {
        { "structure.yaml", "id: task.arabic\n    role: task", "id: task.arabic\n    role: tsak", "role 'tsak' is not one of" },
        { "dates.yaml", "id: asof.day\n    resolve: day", "id: asof.day\n    resolve: daily", "resolve 'daily' is not one of" },
        { "units.yaml", "  - unit: 项\n    kind: count", "  - unit: 项\n    kind: counted", "kind 'counted' is not one of" },
        { "figures.yaml", "meaning: at_most", "meaning: at_mots", "meaning 'at_mots' is not one of" },
        { "web.yaml", "meaning: published_date", "meaning: published", "meaning 'published' is not one of" },
        { "tallies.yaml", "status: behind", "status: late", "status 'late' is not one of" },
        { "structure.yaml", "{ role: progress, pattern:", "{ role: progres, pattern:", "table column role 'progres' is not one of" },
    };

    [Theory]
    [MemberData(nameof(UnknownMeanings))]
    public void An_unknown_role_or_meaning_fails_to_load_naming_the_file_and_rule(string file, string from, string to, string message)
    {
        using var dir = CopyOfRules();
        var path = Path.Combine(dir.Path, "common", file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(dir.Path));
        Assert.Contains(file, error.Message);
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Rules_read_again_come_from_the_cache_as_they_were_and_an_edit_is_seen_at_once()
    {
        using var dir = CopyOfRules();
        var first = RuleBookLoader.Load(dir.Path).Common;
        var again = RuleBookLoader.Load(dir.Path).Common;
        Assert.Equal(Describe(first), Describe(again));

        var masthead = Path.Combine(dir.Path, "common", "masthead.yaml");
        File.WriteAllText(masthead, File.ReadAllText(masthead).Replace("      - text: 督查专报\n        expect: { series: 督查专报 }\n", string.Empty, StringComparison.Ordinal));
        var edited = RuleBookLoader.Load(dir.Path).Common;
        Assert.Equal(Describe(first).Replace("masthead.series:6", "masthead.series:5", StringComparison.Ordinal), Describe(edited));
    }

    /// <summary>Every paragraph rule with its pattern and number of examples.</summary>
    private static string Describe(RuleSet rules) =>
        string.Join('\n', rules.Paragraphs.Select(r => $"{r.Rule.Id}:{r.Rule.Examples.Count}:{r.Rule.Pattern}"));

    internal static TempDirectory CopyOfRules()
    {
        var dir = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Rules, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir.Path, Path.GetRelativePath(TestPaths.Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }
}
