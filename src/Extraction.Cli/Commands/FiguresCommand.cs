using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Figures;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Cli.Commands;

/// <summary><c>extract figures TEXT [--json]</c>: the figure extractor on one phrase, to check what it reads.</summary>
internal static class FiguresCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string>("TEXT") { Description = "A phrase, e.g. \"截至5月底，已完成353个自然村通硬化路，占目标的60%\"" };
        var json = CommonOptions.Json("Print the figures as a JSON array (bulletin/1 FIGURE objects)");
        var rules = CommonOptions.Rules();
        var command = new Command("figures", "Show the figures the extractor finds in a phrase") { text, json, rules };
        command.SetAction(r => Run(context, r.GetValue(text)!, r.GetValue(json), r.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string text, bool json, string? rulesDirectory)
    {
        FigureExtractor extractor;
        try
        {
            extractor = new FigureExtractor(context.LoadRules(rulesDirectory).Figures);
        }
        catch (RuleLoadException e)
        {
            return context.Fail($"rules: {e.Message}");
        }

        var figures = extractor.Extract(text);
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

    private static string Snake<T>(T? value)
        where T : struct, Enum =>
        value is null ? "-" : System.Text.Json.JsonSerializer.Serialize(value.Value, BulletinJson.Options).Trim('"');

    private static string Snake<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, BulletinJson.Options).Trim('"');
}
