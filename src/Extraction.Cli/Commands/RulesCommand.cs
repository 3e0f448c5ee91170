using System.CommandLine;
using Extraction.Pipeline.RuleChecks;
using Extraction.Rules;

namespace Extraction.Cli.Commands;

/// <summary><c>extract rules test</c> runs every rule's examples; <c>extract rules list</c> shows the families and their rules.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var rules = CommonOptions.Rules();
        var test = new Command("test", "Check every rule against its examples and counter-examples") { rules };
        test.SetAction(r => Test(context, r.GetValue(rules)));
        var list = new Command("list", "List the rule families, how each is recognised, and the rules it overrides") { rules };
        list.SetAction(r => List(context, r.GetValue(rules)));
        return new Command("rules", "Work with the rule files") { test, list };
    }

    private static int Test(CliContext context, string? directory)
    {
        var book = context.LoadRules(directory);

        var checks = new RuleExampleChecker(book).CheckAll();
        foreach (var failure in checks.Where(c => !c.Passed))
        {
            context.Out.WriteLine(failure);
        }

        var failed = checks.Count(c => !c.Passed);
        context.Out.WriteLine($"{checks.Count} examples of {checks.Select(c => (c.File, c.RuleId)).Distinct().Count()} rules in {book.Directory}: {failed} failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static int List(CliContext context, string? directory)
    {
        var book = context.LoadRules(directory);

        context.Out.WriteLine($"{book.Directory} (fingerprint {book.Fingerprint})");
        context.Out.WriteLine($"  {RuleBook.CommonName}: {book.Common.Paragraphs.Count} paragraph rules, {book.Common.Dates.AsOf.Count} as-of forms, {book.Common.Figures.Units.Count} units");
        foreach (var family in book.Families)
        {
            var own = family.Rules.Paragraphs.Where(r => r.SourceFile.Contains($"{RuleBookLoader.FamiliesFolder}{Path.DirectorySeparatorChar}{family.Name}", StringComparison.Ordinal)).Select(r => r.Id).ToList();
            context.Out.WriteLine($"  {family.Name}: {family.Description}");
            context.Out.WriteLine($"    detected by: {string.Join(", ", family.Detect.Select(d => d.Id))}{(family.Unless.Count > 0 ? $"; unless: {string.Join(", ", family.Unless.Select(u => u.Id))}" : "")}");
            if (own.Count > 0)
            {
                context.Out.WriteLine($"    own paragraph rules: {string.Join(", ", own)}");
            }

            if (family.Rules.Table is not null && family.Rules.Table.SourceFile.Contains(family.Name, StringComparison.Ordinal))
            {
                context.Out.WriteLine($"    table columns: {string.Join(", ", family.Rules.Table.Columns.Select(c => c.Role))}");
            }
        }

        return ExitCodes.Ok;
    }
}
