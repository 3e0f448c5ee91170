using System.CommandLine;
using Extraction.Metrics;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract search TEXT</c>: task and progress text found by words, in Chinese — the query is
/// cut into words by jieba.NET and matched against the full-text index built at ingest.
/// </summary>
internal static class SearchCommand
{
    private const int Context = 18;

    public static Command Create(CliContext context)
    {
        var text = new Argument<string>("TEXT") { Description = "Words to find, e.g. 负压病房 (every word must occur)" };
        var db = CommonOptions.Database();
        var format = OutputFormat.Option();
        var rules = CommonOptions.Rules();
        var command = new Command("search", "Find tasks and progress reports by words (full-text, Chinese word segmentation)") { text, db, format, rules };
        command.SetAction(r => Run(context, r.GetValue(text)!, r.GetValue(db)!, r.GetValue(format)!, r.GetValue(rules)));
        return command;
    }

    private static int Run(CliContext context, string text, string databasePath, string format, string? rulesDirectory)
    {
        var rules = context.LoadRules(rulesDirectory).Common;

        var words = new WordSegmenter(rules.Metrics, rules.Folding).ForQuery(text);
        if (words.Count == 0)
        {
            return context.Fail($"'{text}' has no words to search for");
        }

        QueryResult result;
        try
        {
            result = HistoryQueries.Search(databasePath, words);
        }
        catch (FileNotFoundException e)
        {
            return context.Fail(e.Message);
        }
        catch (SqliteException e)
        {
            return context.Fail($"search: {e.Message}");
        }

        // The text column shows where the words are, not the whole paragraph.
        var rows = result.Rows.Select(r => r.Take(5).Append(Around((string)r[5]!, words)).ToArray()).ToList();
        OutputFormat.Write(context.Out, result with { Rows = rows }, format);
        return ExitCodes.Ok;
    }

    private static string Around(string text, IReadOnlyList<string> words)
    {
        var at = words.Select(w => text.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - Context);
        var end = Math.Min(text.Length, at + Context * 2);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }
}
