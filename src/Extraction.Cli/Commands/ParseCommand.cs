using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Cli.Commands;

/// <summary><c>extract parse FILE [--json]</c>: one bulletin, as JSON or as a readable summary.</summary>
internal static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A bulletin: .txt (UTF-8, UTF-16 or GB18030), .docx, .pdf or .html — the format is told from the content",
        };
        var json = CommonOptions.Json("Print the bulletin/1 JSON document instead of a summary");
        var rules = CommonOptions.Rules();
        var command = new Command("parse", "Extract one bulletin and print it") { file, json, rules };
        command.SetAction(r => Run(context, r.GetValue(file)!, r.GetValue(json), r.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string path, bool json, string? rulesDirectory)
    {
        if (!File.Exists(path))
        {
            return context.Fail($"{path}: no such file");
        }

        try
        {
            var outcome = context.CreateParser(rulesDirectory).ParseFile(path);
            if (!outcome.Succeeded)
            {
                return context.Fail($"{path}: {outcome.Error}");
            }

            if (json)
            {
                context.Out.WriteLine(BulletinJson.Serialize(outcome.Bulletin!));
            }
            else
            {
                BulletinSummary.Write(context.Out, outcome.Bulletin!);
            }

            return ExitCodes.Ok;
        }
        catch (RuleLoadException e)
        {
            return context.Fail($"rules: {e.Message}");
        }
    }
}
