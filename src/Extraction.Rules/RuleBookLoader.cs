using Extraction.Rules.Yaml;

namespace Extraction.Rules;

/// <summary>
/// Reads a rules directory: <c>common/</c> holds the shared rule files, one per concern;
/// <c>families/NAME/</c> holds a family's <c>family.yaml</c> (how to recognise it) and only the
/// rule files it overrides.
/// </summary>
public static class RuleBookLoader
{
    public const string FamiliesFolder = "families";

    public static RuleBook Load(string directory) => Load(directory, PatternCompilation.Hot);

    /// <param name="compilation">Which patterns are compiled to IL: what pays depends on how many files the run parses (<see cref="PatternCompilations.For"/>).</param>
    public static RuleBook Load(string directory, PatternCompilation compilation) => InMode(compilation, () => LoadBook(directory, compilation));

    /// <summary>Runs <paramref name="load"/> with the patterns it makes compiled as the run needs.</summary>
    private static T InMode<T>(PatternCompilation compilation, Func<T> load)
    {
        var outer = RuleSetLoader.Compilation;
        RuleSetLoader.Compilation = compilation;
        try
        {
            return load();
        }
        finally
        {
            RuleSetLoader.Compilation = outer;
        }
    }

    private static RuleBook LoadBook(string directory, PatternCompilation compilation)
    {
        var common = Path.Combine(directory, RuleSetLoader.CommonFolder);
        if (!Directory.Exists(common))
        {
            throw new RuleLoadException($"{directory}: not a rules directory (no {RuleSetLoader.CommonFolder}/ folder)");
        }

        var full = Path.GetFullPath(directory);
        var fingerprint = RuleSetLoader.Fingerprint(full);
        var shared = RuleFiles.ReadShared(common);
        var families = new List<RuleFamily>();
        var familiesFolder = Path.Combine(directory, FamiliesFolder);
        if (Directory.Exists(familiesFolder))
        {
            foreach (var folder in Directory.EnumerateDirectories(familiesFolder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(folder);
                var (path, family) = RuleFiles.ReadFamily(folder);
                var detect = RuleSetLoader.Patterns(path, family.Detect, "detect");
                if (detect.Count == 0)
                {
                    throw new RuleLoadException($"{path}: a family needs at least one detect rule");
                }

                families.Add(new RuleFamily(
                    name,
                    family.Description ?? name,
                    detect,
                    RuleSetLoader.Patterns(path, family.Unless, "unless"),
                    // Built when first asked for, perhaps on another thread: in the mode of this load.
                    () => InMode(compilation, () => RuleSetLoader.Build(name, full, fingerprint, shared.Merge(folder)))));
            }
        }

        return new RuleBook(full, fingerprint, RuleSetLoader.Build(RuleBook.CommonName, full, fingerprint, shared), families);
    }
}
