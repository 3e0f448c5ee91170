using System.CommandLine;
using Extraction.Cli.Output;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract search TEXT [--format table|csv|json] [--out FILE] [--bom]</c>: the tasks, progress reports, statements and departments holding
/// every term of the query (terms are separated by spaces), each in any of its spellings.
/// </summary>
internal static class SearchCommand
{
    /// <summary>Characters of context shown before a hit in a table (CSV and JSON get the whole text).</summary>
    private const int Context = 18;

    public static Command Create(CliContext context)
    {
        var text = new Argument<string>("TEXT") { Description = "What to find, e.g. 负压病房 or \"城镇 就业\" (every term must occur in the same text)" };
        var db = CommonOptions.Database();
        var output = new OutputOptions(OutputFormat.Option(), ["csv", "json"], "Write the hits to this file instead of standard output (x.csv is CSV, x.json JSON, unless --format says otherwise)");
        var rules = CommonOptions.Rules();
        var command = new Command("search", "Find tasks, progress reports, statements and departments by the text they hold (simplified or traditional)") { text, db, rules };
        output.AddTo(command);
        command.SetAction(r => Run(context, r.GetValue(text)!, r.GetValue(db)!, output.Resolve(r), r.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string text, string databasePath, OutputOptions.Target output, string? rulesDirectory)
    {
        var folding = context.LoadRules(rulesDirectory).Common.Folding;
        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            return context.Fail($"'{text}' has nothing to search for");
        }

        var spellings = terms.Select(folding.Spellings).ToList();
        QueryResult result;
        try
        {
            result = TextSearch.Run(databasePath, spellings);
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (SqliteException e)
        {
            return context.Fail($"search: {e.Message}");
        }

        if (output.Format == "table")
        {
            // A table shows where the terms are, not the whole paragraph.
            var last = result.Columns.Count - 1;
            var all = spellings.SelectMany(s => s).ToList();
            result = result with { Rows = [.. result.Rows.Select(r => r.Take(last).Append(Around((string)r[last]!, all)).ToArray())] };
        }

        try
        {
            OutputFile.Write(context.Out, output.Path, output.Bom, w => OutputFormat.Write(w, result, output.Format));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return context.Fail($"cannot write {output.Path}: {e.Message}");
        }

        return context.Wrote(output.Path);
    }

    private static string Around(string text, IReadOnlyList<string> spellings)
    {
        var at = spellings.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - Context);
        var end = Math.Min(text.Length, at + (Context * 2));
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
