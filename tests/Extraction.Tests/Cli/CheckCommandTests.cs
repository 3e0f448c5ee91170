using Extraction.Cli;
using Extraction.Tests.Rules;

namespace Extraction.Tests.Cli;

/// <summary><c>extract check</c>: the corpus against its golden files and the committed baseline.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void The_corpus_meets_its_baseline_with_f1_1_everywhere()
    {
        var (exit, output, error) = CliRunner.Run("check", TestPaths.Corpus, "--rules", TestPaths.Rules);

        Assert.True(exit == ExitCodes.Ok, error + output);
        Assert.Contains("no regression", error);
        foreach (var kind in new[] { "bulletin", "categories", "tasks", "departments", "as_of", "figures_detected", "figure_values" })
        {
            Assert.Matches($@"(?m)^{kind}\s+1\.000\s+1\.000\s+1\.000", output);
        }
    }

    [Fact]
    public void A_rule_broken_for_one_family_fails_the_check_and_names_the_document_and_field()
    {
        using var rules = RuleSetLoaderTests.CopyOfRules();
        var structure = Path.Combine(rules.Path, "common", "structure.yaml");
        // 配合单位 lines no longer count as departments: the traditional-character family loses its partners.
        File.WriteAllText(structure, File.ReadAllText(structure).Replace("(?:配合单位|配合部门|协同单位|协办单位|", "(?:配合部门|协同单位|协办单位|", StringComparison.Ordinal));

        var (exit, _, error) = CliRunner.Run("check", TestPaths.Corpus, "--rules", rules.Path);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("tanxi-dist-2022-h1.txt: departments F1", error);
        Assert.DoesNotContain("sanmenxia-2020-11.txt:", error);
    }

    [Fact]
    public void Accept_writes_a_golden_file_and_update_baseline_never_lowers_it()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("expected"));
        File.Copy(TestPaths.CorpusFile("linfeng-dist-2023-06.txt"), dir.File("linfeng-dist-2023-06.txt"));

        Assert.Equal(ExitCodes.Ok, CliRunner.Run("check", dir.Path, "--accept", "linfeng-dist-2023-06.txt", "--rules", TestPaths.Rules).Exit);
        Assert.True(File.Exists(dir.File("expected/linfeng-dist-2023-06.json")));
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("check", dir.Path, "--update-baseline", "--rules", TestPaths.Rules).Exit);

        // The document gets worse: the check fails, and updating the baseline does not lower it.
        File.WriteAllText(dir.File("linfeng-dist-2023-06.txt"), File.ReadAllText(dir.File("linfeng-dist-2023-06.txt")).Replace("责任单位：区司法局", "区司法局", StringComparison.Ordinal));
        var (exit, _, error) = CliRunner.Run("check", dir.Path, "--rules", TestPaths.Rules);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("linfeng-dist-2023-06.txt: departments", error);
        Assert.Equal(ExitCodes.Failure, CliRunner.Run("check", dir.Path, "--update-baseline", "--rules", TestPaths.Rules).Exit);
        Assert.Equal(ExitCodes.Failure, CliRunner.Run("check", dir.Path, "--rules", TestPaths.Rules).Exit);
    }

    [Fact]
    public void A_folder_without_golden_files_is_a_usage_error() =>
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("check", TestPaths.Rules, "--rules", TestPaths.Rules).Exit);

    [Fact]
    public void Rules_test_passes_on_the_project_rules() =>
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("rules", "test", "--rules", TestPaths.Rules).Exit);
}
