using System.CommandLine;
using System.Security.Cryptography;
using Extraction.History;
using Extraction.Metrics;
using Extraction.Pipeline;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract ingest PATH... [--db FILE]</c>: every bulletin under the paths into SQLite.
/// A bad file is recorded as failed with its reason and the batch carries on.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, or folders searched recursively for .txt .docx .pdf .html/.htm files",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommonOptions.Database();
        var rules = CommonOptions.Rules();
        var family = CommonOptions.Family();
        var force = new Option<bool>("--force") { Description = "Parse every file again, even when its content and the extractor are unchanged" };
        var strict = new Option<bool>("--strict") { Description = "Exit with 1 when any file failed (default: 0 once the batch is done; failures are recorded)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the final summary" };
        var command = new Command("ingest", "Extract bulletins from files and folders into a SQLite database")
        {
            paths, db, rules, family, force, strict, quiet,
        };
        command.SetAction(r => Run(
            context,
            r.GetValue(paths)!,
            r.GetValue(db)!,
            r.GetValue(rules),
            r.GetValue(family),
            new Flags(r.GetValue(force), r.GetValue(strict), r.GetValue(quiet))));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string databasePath, string? rulesDirectory, string? family, Flags flags)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            return context.Fail($"{missing[0]}: no such file or directory");
        }

        var parser = context.CreateParser(rulesDirectory, family);

        var files = InputFiles.Expand(paths);
        var version = ExtractorVersion.Of(parser.Rules);
        var counts = new Dictionary<IngestStatus, int>();
        try
        {
            using var store = new BulletinStore(databasePath);
            for (var i = 0; i < files.Count; i++)
            {
                var (status, detail) = IngestOne(store, parser, files[i], version, flags.Force);
                counts[status] = counts.GetValueOrDefault(status) + 1;
                if (!flags.Quiet || status == IngestStatus.Failed)
                {
                    var counter = $"[{(i + 1).ToString().PadLeft(files.Count.ToString().Length)}/{files.Count}]";
                    context.Error.WriteLine($"{counter} {status.ToString().ToLowerInvariant(),-9} {files[i]}  {detail}");
                }
            }

            // The task histories are derived from every bulletin of the database, so they are
            // rebuilt once the batch is in.
            using var connection = Database.OpenForWriting(databasePath);
            var history = HistoryStore.Rebuild(connection, new HistoryBuilder(parser.Rules.Common, new WordSegmenter(parser.Rules.Common.Metrics, parser.Rules.Common.Folding)));
            context.Error.WriteLine($"histories: {history.Series} series, {history.TaskIdentities} tasks followed, {history.Departments} departments, {history.Findings} audit findings");
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return context.Fail($"{databasePath}: {e.Message}");
        }

        var failed = counts.GetValueOrDefault(IngestStatus.Failed);
        context.Error.WriteLine(
            $"{files.Count} file{(files.Count == 1 ? "" : "s")} into {databasePath}: {counts.GetValueOrDefault(IngestStatus.Added)} added, " +
            $"{counts.GetValueOrDefault(IngestStatus.Updated)} updated, {counts.GetValueOrDefault(IngestStatus.Unchanged)} unchanged, {failed} failed");
        if (failed > 0)
        {
            context.Error.WriteLine("failed files are listed by: extract query \"select path, error from source_documents where status = 'failed'\"");
        }

        return failed > 0 && flags.Strict ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static (IngestStatus Status, string Detail) IngestOne(BulletinStore store, BulletinParser parser, string path, string version, bool force)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("unreadable:" + Path.GetFullPath(path))));
            store.Save(new StoredFile(path, Path.GetFileName(path), sha, 0, null, null, version), null, e.Message);
            return (IngestStatus.Failed, e.Message);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!force && store.Current(sha256, version) is { } before)
        {
            // A file that failed before fails again: the summary and --strict must still say so.
            return before.Length == 0 ? (IngestStatus.Unchanged, "") : (IngestStatus.Failed, $"{before} (as before)");
        }

        var outcome = parser.Parse(Path.GetFileName(path), content, path);
        var source = outcome.Bulletin?.Source;
        var file = new StoredFile(path, Path.GetFileName(path), sha256, content.LongLength, source?.Format.ToString().ToLowerInvariant(), source?.Pages, version);
        var status = store.Save(file, outcome.Succeeded ? outcome.Bulletin : null, outcome.Error, outcome.Provenance);
        var detail = outcome.Succeeded ? $"{outcome.Bulletin!.Tasks.Count} tasks" : outcome.Error!;
        return (status, detail);
    }

    private sealed record Flags(bool Force, bool Strict, bool Quiet);
}
