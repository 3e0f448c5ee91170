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
