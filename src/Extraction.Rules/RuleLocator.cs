namespace Extraction.Rules;

/// <summary>
/// Finds the rules directory to use: an explicit path, else <c>EXTRACTION_RULES</c>, else a
/// <c>rules/</c> folder in the working directory or one of its parents (so edits to the
/// project's rule files apply at once), else the copy shipped beside the program, else the
/// rules carried inside this library (<see cref="Caching.EmbeddedFiles"/>).
/// </summary>
public static class RuleLocator
{
    public const string EnvironmentVariable = "EXTRACTION_RULES";

    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return explicitPath;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rules");
            if (IsRulesDirectory(candidate))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "rules");
        return IsRulesDirectory(beside) ? beside : Caching.EmbeddedFiles.Folder(typeof(RuleLocator).Assembly, "rules/");
    }

    public static bool IsRulesDirectory(string path) =>
        File.Exists(Path.Combine(path, RuleSetLoader.CommonFolder, "structure.yaml"));
}
