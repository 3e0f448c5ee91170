using Extraction.Rules;
using Extraction.Rules.Caching;

namespace Extraction.Tests.Rules;

/// <summary>
/// A program with no rules/ of its own (a NuGet reference, a single file) uses the copy inside
/// the rules library: it must be the project's rules, every file, byte for byte.
/// </summary>
public sealed class EmbeddedFilesTests
{
    [Fact]
    public void The_rules_inside_the_library_are_the_projects_rules()
    {
        var folder = EmbeddedFiles.Folder(typeof(RuleLocator).Assembly, "rules/");
        Assert.True(RuleLocator.IsRulesDirectory(folder));
        var expected = Files(TestPaths.Rules);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Files(folder).Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, f => Assert.Equal(f.Value, File.ReadAllBytes(Path.Combine(folder, f.Key))));
        Assert.Equal(TestPaths.RuleBook.Fingerprint, RuleBookLoader.Load(folder).Fingerprint);
    }

    [Fact]
    public void The_same_folder_is_given_twice_and_written_once()
    {
        var first = EmbeddedFiles.Folder(typeof(RuleLocator).Assembly, "rules/");
        Assert.Equal(first, EmbeddedFiles.Folder(typeof(RuleLocator).Assembly, "rules/"));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(first)!, Path.GetFileName(first) + ".*.partial"));
        Assert.Throws<InvalidOperationException>(() => EmbeddedFiles.Folder(typeof(RuleLocator).Assembly, "no-such-folder/"));
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
