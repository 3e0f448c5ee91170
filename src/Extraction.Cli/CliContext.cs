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

    public RuleBook LoadRules(string? rulesDirectory) => RuleBookLoader.Load(RuleLocator.Locate(rulesDirectory));

    /// <summary>A parser for the rules found by <paramref name="rulesDirectory"/>, with the family forced when one is named.</summary>
    public BulletinParser CreateParser(string? rulesDirectory, string? family = null)
    {
        var book = LoadRules(rulesDirectory);
        if (family is not null && book.Find(family) is null)
        {
            throw new RuleLoadException($"no rule family '{family}' (families: {string.Join(", ", book.Families.Select(f => f.Name).Prepend(RuleBook.CommonName))})");
        }

        return new BulletinParser(book, family);
    }
}
