using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Pipeline.Scoring;
using Extraction.Rules;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract check [DIR]</c>: the rules against a corpus with golden answers. Prints precision,
/// recall and F1 per field kind for the corpus and per document, then the differences; exits 1
/// when anything falls below the committed baseline (DIR/baseline.json).
/// </summary>
internal static class CheckCommand
{
    private const string BaselineFile = "baseline.json";
    private const int DifferencesShown = 5;

    public static Command Create(CliContext context)
    {
        var directory = new Argument<string>("DIR") { Description = "Corpus folder with golden files in DIR/expected/", DefaultValueFactory = _ => "corpus", Arity = ArgumentArity.ZeroOrOne };
        var diff = new Option<bool>("--diff") { Description = "Print every difference, not only the first few of each document" };
        var accept = new Option<string?>("--accept") { Description = "Write the current output for DOC as its new golden file (review the diff first)", HelpName = "DOC" };
        var update = new Option<bool>("--update-baseline") { Description = "Raise DIR/baseline.json to the current scores (it is never lowered)" };
        var json = CommonOptions.Json("Print the scores and regressions as JSON");
        var rules = CommonOptions.Rules();
        var command = new Command("check", "Score the rules against a corpus with golden answers; fail on a regression") { directory, diff, accept, update, json, rules };
        command.SetAction(r => Run(context, r.GetValue(directory)!, r.GetValue(diff), r.GetValue(accept), r.GetValue(update), r.GetValue(json), r.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string directory, bool diff, string? accept, bool update, bool json, string? rulesDirectory)
    {
        var parser = context.CreateParser(rulesDirectory, compilation: PatternCompilation.Hot);

        if (accept is not null)
        {
            return Accept(context, parser, directory, accept);
        }

        CorpusReport report;
        try
        {
            report = CorpusCheck.Run(directory, parser);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or JsonException)
        {
            context.Error.WriteLine($"extract: {e.Message}");
            return ExitCodes.Usage;
        }

        var baselinePath = Path.Combine(directory, BaselineFile);
        var baseline = Baseline.Load(baselinePath);
        var current = Baseline.Of(report);
        var regressions = baseline.Regressions(current);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new { report.Totals, report.Documents, regressions }, BulletinJson.Options));
        }
        else
        {
            Print(context.Out, report, parser.Rules, diff);
        }

        if (update)
        {
            baseline.Raise(current).Save(baselinePath);
            context.Error.WriteLine($"baseline written to {baselinePath}");
            foreach (var regression in regressions)
            {
                context.Error.WriteLine($"not lowered: {regression}");
            }

            return regressions.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }

        if (regressions.Count > 0)
        {
            context.Error.WriteLine($"{regressions.Count} regression{(regressions.Count == 1 ? "" : "s")} against {baselinePath}:");
            foreach (var regression in regressions)
            {
                context.Error.WriteLine($"  {regression}");
            }

            return ExitCodes.Failure;
        }

        context.Error.WriteLine(File.Exists(baselinePath) ? $"no regression against {baselinePath}" : $"no baseline yet ({baselinePath}); write one with --update-baseline");
        return ExitCodes.Ok;
    }

    private static void Print(TextWriter w, CorpusReport report, RuleBook rules, bool diff)
    {
        w.WriteLine($"{report.Documents.Count} documents, rules {rules.Directory} (common + {rules.Families.Count} famil{(rules.Families.Count == 1 ? "y" : "ies")})");
        w.WriteLine();
        w.WriteLine($"{"field",-17} {"precision",9} {"recall",7} {"F1",6} {"support",8}");
        foreach (var t in report.Totals)
        {
            w.WriteLine($"{t.Kind,-17} {t.Precision,9:0.000} {t.Recall,7:0.000} {t.F1,6:0.000} {t.Support,8}");
        }

        w.WriteLine();
        var width = Math.Max(8, report.Documents.Max(d => d.Document.Length));
        w.WriteLine($"{"document".PadRight(width)} {"family",-13} {string.Join(" ", GoldenComparer.Kinds.Select(Short))} {"ms",5}");
        foreach (var d in report.Documents)
        {
            var scores = d.Score.Fields.Select(f => (f.Support + f.FalsePositives == 0 ? "—" : f.F1.ToString("0.00", CultureInfo.InvariantCulture)).PadLeft(Short(f.Kind).Length));
            w.WriteLine($"{d.Document.PadRight(width)} {d.Family,-13} {string.Join(" ", scores)} {d.Elapsed.TotalMilliseconds,5:0}{(d.Error is null ? "" : "  " + d.Error)}");
        }

        var withDifferences = report.Documents.Where(d => d.Score.Differences.Count > 0).ToList();
        if (withDifferences.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine(diff ? "differences:" : $"differences (the first {DifferencesShown} of each document; --diff for all):");
        foreach (var d in withDifferences)
        {
            w.WriteLine($"  {d.Document}: {d.Score.Differences.Count}");
            foreach (var difference in diff ? d.Score.Differences : d.Score.Differences.Take(DifferencesShown))
            {
                w.WriteLine($"    {difference}");
            }
        }
    }

    private static int Accept(CliContext context, BulletinParser parser, string directory, string document)
    {
        var path = File.Exists(document) ? document : Path.Combine(directory, document);
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"extract: {document}: no such document in {directory}");
            return ExitCodes.Usage;
        }

        var outcome = parser.ParseFile(path);
        if (!outcome.Succeeded)
        {
            return context.Fail($"{path}: {outcome.Error}");
        }

        var name = Path.GetFileName(path);
        var golden = Path.Combine(directory, CorpusCheck.ExpectedFolder, name[..name.IndexOf('.', StringComparison.Ordinal)] + ".json");
        File.WriteAllText(golden, BulletinJson.Serialize(outcome.Bulletin!) + "\n");
        context.Error.WriteLine($"wrote {golden}");
        return ExitCodes.Ok;
    }

    private static string Short(string kind) => kind switch
    {
        "bulletin" => "bull",
        "categories" => "cat",
        "tasks" => "task",
        "task_text" => "text",
        "departments" => "dept",
        "as_of" => "asof",
        "progress_text" => "prog",
        "figures_detected" => "fig",
        "figure_values" => "fval",
        "problems" => "prob",
        "statements" => "stmt",
        "statement_as_of" => "sdat",
        "statement_figures" => "sfig",
        "figures_all" => "fall",
        "tallies" => "tally",
        _ => kind,
    };
}
