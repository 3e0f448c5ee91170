using System.CommandLine;

namespace Extraction.Cli.Commands;

/// <summary>Options that several commands share, spelt the same everywhere.</summary>
internal static class CommonOptions
{
    public const string DefaultDatabase = "bulletins.db";

    public static Option<string?> Rules() => new("--rules")
    {
        Description = "Rules directory (default: $EXTRACTION_RULES, else ./rules or a parent's, else the rules shipped with the program)",
        HelpName = "DIR",
    };

    public static Option<string> Database() => new("--db")
    {
        Description = $"SQLite database file (default: {DefaultDatabase} in the current directory)",
        HelpName = "FILE",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<string?> Family() => new("--family")
    {
        Description = "Read every document with this rule family (default: the family each document is recognised as; 'common' for the shared rules only)",
        HelpName = "NAME",
    };
}
