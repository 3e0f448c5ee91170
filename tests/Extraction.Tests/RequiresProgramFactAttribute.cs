namespace Extraction.Tests;

/// <summary>The <see cref="RequiresProgramTheoryAttribute"/> of a test without cases: skipped, saying which program is missing.</summary>
public sealed class RequiresProgramFactAttribute : FactAttribute
{
    public RequiresProgramFactAttribute(string program)
    {
        if (!RequiresProgramTheoryAttribute.OnPath(program))
        {
            Skip = $"{program} is not installed (CI installs it)";
        }
    }
}
