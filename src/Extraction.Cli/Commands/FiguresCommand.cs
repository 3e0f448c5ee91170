using System.CommandLine;
using System.Globalization;
using Extraction.Cli.Output;
using Extraction.Figures;
using Extraction.Model;
using Extraction.Pipeline.FigureCases;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract figures TEXT|- [--json]</c>: the figure extractor on phrases, to see what it reads;
/// <c>extract figures --check TABLE.tsv</c>: score it against a table of expected figures.
/// </summary>
internal static class FiguresCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string?>("TEXT")
        {
            Description = "A phrase, e.g. \"截至5月底，已完成353个自然村通硬化路，占目标的60%\"; - reads one phrase per line from standard input",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = CommonOptions.Json("Print the figures as JSON (bulletin/1 FIGURE objects); with -, one array per input line");
        var check = new Option<string?>("--check")
        {
            Description = "Score the extractor against a TSV table of cases (columns input, raw, value, unit, qualifier, …) and list the failures",
            HelpName = "TABLE.tsv",
        };
        var minScore = new Option<double>("--min-score")
        {
            Description = "With --check: exit 1 when fewer than this share of cases are right (default 1.0)",
            DefaultValueFactory = _ => 1.0,
        };
        var rules = CommonOptions.Rules();
        var command = new Command("figures", "Show the figures the extractor finds in phrases, or check it against a table of cases")
        {
            text, json, check, minScore, rules,
        };
        command.Validators.Add(r =>
        {
            if ((r.GetValue(text) is null) == (r.GetValue(check) is null))
            {
                r.AddError("give either TEXT (or - for standard input) or --check TABLE.tsv");
            }
        });
        command.SetAction(r =>
        {
            var ruleSet = context.LoadRules(r.GetValue(rules)).Common;
            var extractor = new FigureExtractor(ruleSet.Figures, ruleSet.Folding);

            if (r.GetValue(check) is { } table)
            {
                return Check(context, extractor, table, r.GetValue(minScore));
            }

            var phrase = r.GetValue(text)!;
            return phrase == "-" ? Lines(context, extractor, r.GetValue(json)) : Show(context, extractor.Extract(phrase), r.GetValue(json));
        });
        return command;
    }

    private static int Lines(CliContext context, FigureExtractor extractor, bool json)
    {
        while (context.In.ReadLine() is { } line)
        {
            var figures = extractor.Extract(line);
            if (json)
            {
                context.Out.WriteLine(BulletinJson.Serialize(figures, indented: false));
            }
            else
            {
                context.Out.WriteLine($"{line}\t{string.Join("  ", figures.Select(FigureText.Describe))}");
            }
        }

        return ExitCodes.Ok;
    }

    private static int Show(CliContext context, IReadOnlyList<Figure> figures, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(BulletinJson.Serialize(figures));
            return ExitCodes.Ok;
        }

        if (figures.Count == 0)
        {
            context.Out.WriteLine("no figures");
        }

        foreach (var f in figures)
        {
            context.Out.WriteLine(
                $"{f.Raw}\tvalue={FigureText.Number(f.Value)}{(f.ValueMax is { } max ? $"–{FigureText.Number(max)}" : "")}\tunit={f.Unit}\tkind={Snake(f.Kind)}\tqualifier={Snake(f.Qualifier)}\tchange={Snake(f.Change)}");
        }

        return ExitCodes.Ok;
    }

    private static int Check(CliContext context, FigureExtractor extractor, string path, double minScore)
    {
        FigureCaseReport report;
        try
        {
            report = FigureCaseChecker.Check(FigureCaseTable.Load(path), extractor);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return context.Fail(e.Message);
        }

        foreach (var failure in report.Failures)
        {
            var c = failure.Case;
            context.Out.WriteLine($"line {c.Line}{(c.Source is null ? "" : $" [{c.Source}]")}: {c.Input}\n    {failure.Failure}");
        }

        context.Out.WriteLine(report.Summary);
        return report.Score + 1e-12 >= minScore ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static string Snake<T>(T? value)
        where T : struct, Enum =>
        value is null ? "-" : Snake(value.Value);

    private static string Snake<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, BulletinJson.Options).Trim('"');
}
