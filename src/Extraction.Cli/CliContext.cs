using Extraction.Pipeline;
using Extraction.Rules;

namespace Extraction.Cli;

/// <summary>What every command shares: where output goes and how rules are found.</summary>
public sealed class CliContext(TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    public TextReader In { get; } = stdin;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>
    /// Runs a command that reads the database at <paramref name="databasePath"/>: a missing
    /// database or an SQLite error becomes the one-line error of every reading command (the
    /// path, the reason, and <paramref name="hint"/> when there is one).
    /// </summary>
    public int ReadDatabase(string databasePath, Func<int> read, string? hint = null)
    {
        try
        {
            return read();
        }
        catch (FileNotFoundException e)
        {
            return Fail(e.Message);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return Fail($"{databasePath}: {e.Message}{(hint is null ? "" : $" ({hint})")}");
        }
    }

    /// <summary>Says on standard error which file a command wrote (nothing when it wrote to standard output).</summary>
    public int Wrote(string? path)
    {
        if (path is not null)
        {
            Error.WriteLine($"wrote {path}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Prints a one-line error and returns the failure exit code.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"extract: {message}");
        return ExitCodes.Failure;
    }

    /// <param name="compilation">Which patterns are compiled to IL, by how many files the command parses (<see cref="PatternCompilations.For"/>); by default, none: a file or two.</param>
    public RuleBook LoadRules(string? rulesDirectory, PatternCompilation compilation = PatternCompilation.None) => RuleBookLoader.Load(RuleLocator.Locate(rulesDirectory), compilation);

    /// <summary>A parser for the rules found by <paramref name="rulesDirectory"/>, with the family forced when one is named.</summary>
    public BulletinParser CreateParser(string? rulesDirectory, string? family = null, PatternCompilation compilation = PatternCompilation.None)
    {
        var book = LoadRules(rulesDirectory, compilation);
        if (family is not null && book.Find(family) is null)
        {
            throw new RuleLoadException($"no rule family '{family}' (families: {string.Join(", ", book.Families.Select(f => f.Name).Prepend(RuleBook.CommonName))})");
        }

        return new BulletinParser(book, family);
    }
}
