using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Model;

namespace Extraction.Cli.Commands;

/// <summary><c>extract parse FILE [--json]</c>: one bulletin, as JSON or as a readable summary.</summary>
internal static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "A bulletin: .txt (UTF-8, UTF-16, GB18030 or Big5), .docx, .pdf or .html, or .doc/.wps/.rtf through LibreOffice — the format is told from the content",
        };
        var json = CommonOptions.Json("Print the bulletin/1 JSON document instead of a summary");
        var explain = new Option<bool>("--explain")
        {
            Description = "Show, for every field, the rule that produced it and the exact source text (with --json: a provenance array in the document)",
        };
        var paragraphs = new Option<bool>("--paragraphs")
        {
            Description = "Print the paragraphs as the reader gives them to the rules (¶number, page, indent, text; table cells joined by ' | '), each with how the rules read it: the rule and role that took it, the table and column roles inferred, a sequence cut, or why no rule did",
        };
        var rules = CommonOptions.Rules();
        var family = CommonOptions.Family();
        var command = new Command("parse", "Extract one bulletin and print it") { file, json, explain, paragraphs, rules, family };
        command.SetAction(r => r.GetValue(paragraphs)
            ? Paragraphs(context, r.GetValue(file)!, r.GetValue(rules))
            : Run(context, r.GetValue(file)!, r.GetValue(json), r.GetValue(explain), r.GetValue(rules), r.GetValue(family)));
        return command;
    }

    /// <summary>
    /// What the rules see: when a layout is not understood, the first questions are how it was
    /// read and what each paragraph was taken for — furniture, a table (with its column roles),
    /// a sequence cut apart, the rule and role that took it, or no rule and the field it continued.
    /// </summary>
    private static int Paragraphs(CliContext context, string path, string? rulesDirectory)
    {
        if (!File.Exists(path))
        {
            return context.Fail($"{path}: no such file");
        }

        var parser = context.CreateParser(rulesDirectory);
        var read = parser.Read(File.ReadAllBytes(path));
        if (read.Document is not { } document)
        {
            return context.Fail($"{path}: {read.Error}");
        }

        var inspected = parser.Inspect(document);
        var notes = inspected?.Notes.ToLookup(n => n.Paragraph, n => n.Note);
        if (inspected is { } found)
        {
            context.Out.WriteLine($"rule family: {found.Family}");
        }

        for (var i = 0; i < document.Paragraphs.Count; i++)
        {
            var paragraph = document.Paragraphs[i];
            var page = paragraph.Page is { } p ? $" p.{p}" : "";
            var indent = paragraph.Indent > 0 ? $" ›{paragraph.Indent}" : "";
            context.Out.WriteLine($"¶{i + 1}{page}{indent}\t{paragraph.Text}");
            foreach (var note in notes?[i] ?? [])
            {
                context.Out.WriteLine($"\t  ← {note}");
            }
        }

        return ExitCodes.Ok;
    }

    private static int Run(CliContext context, string path, bool json, bool explain, string? rulesDirectory, string? family)
    {
        if (!File.Exists(path))
        {
            return context.Fail($"{path}: no such file");
        }

        var outcome = context.CreateParser(rulesDirectory, family).ParseFile(path);
        if (!outcome.Succeeded)
        {
            return context.Fail($"{path}: {outcome.Error}");
        }

        if (json && explain)
        {
            // bulletin/1 allows extra fields: the provenance rides along with the document.
            var document = System.Text.Json.JsonSerializer.SerializeToNode(outcome.Bulletin!, BulletinJson.Options)!.AsObject();
            document["provenance"] = System.Text.Json.JsonSerializer.SerializeToNode(outcome.Provenance, BulletinJson.Options);
            context.Out.WriteLine(document.ToJsonString(BulletinJson.Options));
        }
        else if (json)
        {
            context.Out.WriteLine(BulletinJson.Serialize(outcome.Bulletin!));
        }
        else if (explain)
        {
            ProvenanceTable.Write(context.Out, outcome.Provenance);
        }
        else
        {
            BulletinSummary.Write(context.Out, outcome.Bulletin!);
        }

        return ExitCodes.Ok;
    }
}
