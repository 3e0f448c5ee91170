namespace Extraction.Tests;

/// <summary>
/// A theory that needs a program on PATH (sqlite3, python3, soffice): skipped, saying which
/// program is missing, on a machine without it. CI installs them all, so there it always runs.
/// </summary>
public sealed class RequiresProgramTheoryAttribute : TheoryAttribute
{
    public RequiresProgramTheoryAttribute(string program)
    {
        if (!OnPath(program))
        {
            Skip = $"{program} is not installed (CI installs it)";
        }
    }

    public static bool OnPath(string program) => Extraction.Readers.ExternalProgram.OnPath(program) is not null;
}
