using Extraction.Rules;

namespace Extraction.Tests;

/// <summary>Paths of the repository the tests run in: rules, corpus and the contract's schema.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extraction.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests must run inside the repository (Extraction.sln not found)");
    });

    private static readonly Lazy<RuleBook> LoadedRules = new(() => RuleBookLoader.Load(Rules));

    public static string Root => RootPath.Value;

    public static string Rules => Path.Combine(Root, "rules");

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string Schema => Path.Combine(Root, "docs", "spec", "bulletin.schema.json");

    /// <summary>The project's rules, loaded once for all tests.</summary>
    public static RuleBook RuleBook => LoadedRules.Value;

    /// <summary>The shared rules of the project (no family).</summary>
    public static RuleSet RuleSet => LoadedRules.Value.Common;

    public static string CorpusFile(string name) => Path.Combine(Corpus, name);
}
