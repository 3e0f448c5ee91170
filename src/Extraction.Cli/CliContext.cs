using Extraction.Pipeline;
using Extraction.Rules;

namespace Extraction.Cli;

/// <summary>What every command shares: where output goes and how rules are found.</summary>
public sealed class CliContext(TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    public TextReader In { get; } = stdin;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>Prints a one-line error and returns the failure exit code.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"extract: {message}");
        return ExitCodes.Failure;
    }

    public RuleSet LoadRules(string? rulesDirectory) => RuleSetLoader.Load(RuleLocator.Locate(rulesDirectory));

    public BulletinParser CreateParser(string? rulesDirectory) => new(LoadRules(rulesDirectory), Extraction.Readers.DocumentReaders.Default);
}
