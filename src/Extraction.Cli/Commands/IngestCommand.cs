using System.CommandLine;
using System.Globalization;
using Extraction.Cli.Output;
using Extraction.History;
using Extraction.Pipeline.Ingest;
using Extraction.Rules;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Cli.Commands;

/// <summary>
/// <c>extract ingest PATH... [--db FILE]</c>: every bulletin under the paths into SQLite.
/// A bad file is recorded as failed with its reason and the batch carries on (the policy is
/// the pipeline's <see cref="Ingestor"/>; this command only prints).
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, or folders searched recursively for .txt .docx .pdf .html/.htm files, and .doc .wps .rtf (read through LibreOffice)",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = CommonOptions.Database();
        var rules = CommonOptions.Rules();
        var family = CommonOptions.Family();
        var force = new Option<bool>("--force") { Description = "Parse every file again, even when its content and the extractor are unchanged" };
        var strict = new Option<bool>("--strict") { Description = "Exit with 1 when any file failed (default: 0 once the batch is done; failures are recorded)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the failures and the final summary" };
        var prune = new Option<bool>("--prune") { Description = "Forget the files (and their bulletins) whose paths no longer exist" };
        var maxMb = new Option<double>("--max-mb") { Description = "Largest file read, in MB", DefaultValueFactory = _ => IngestLimits.Default.MaxBytes / 1024.0 / 1024.0, HelpName = "MB" };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "Longest one file may take to parse", DefaultValueFactory = _ => IngestLimits.Default.MaxSeconds, HelpName = "S" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Files parsed at once, and series histories built at once (default: the number of cores); files are saved in input order. 1: parsed and saved in turn, on one core", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var command = new Command("ingest", "Extract bulletins from files and folders into a SQLite database")
        {
            paths, db, rules, family, force, strict, quiet, prune, maxMb, maxSeconds, jobs,
        };
        command.SetAction(r => Run(
            context,
            r.GetValue(paths)!,
            r.GetValue(db)!,
            r.GetValue(rules),
            r.GetValue(family),
            new Flags(r.GetValue(force), r.GetValue(strict), r.GetValue(quiet), r.GetValue(prune), r.GetValue(jobs)),
            new IngestLimits((long)(r.GetValue(maxMb) * 1024 * 1024), r.GetValue(maxSeconds))));
        return command;
    }

    private static int Run(CliContext context, string[] paths, string databasePath, string? rulesDirectory, string? family, Flags flags, IngestLimits limits)
    {
        if (limits.MaxBytes <= 0 || limits.MaxSeconds <= 0 || flags.Jobs <= 0)
        {
            context.Error.WriteLine("extract: --max-mb, --max-seconds and --jobs must be above 0");
            return ExitCodes.Usage;
        }

        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            return context.Fail($"{missing[0]}: no such file or directory");
        }

        var (files, skipped) = ArchiveFiles.Expand(paths);
        var parser = context.CreateParser(rulesDirectory, family, PatternCompilations.For(files.Count));
        foreach (var (path, reason) in skipped)
        {
            context.Error.WriteLine($"skipped   {path}  {reason}");
        }

        IngestSummary summary;
        try
        {
            using var writer = WriterLock.Acquire(databasePath);
            // A database this run creates counts as empty: its schema alone is a few hundred pages.
            var existed = File.Exists(databasePath);
            long pagesBefore;
            using (var store = new BulletinStore(databasePath))
            {
                pagesBefore = existed ? store.PagesInUse : 0;
                if (flags.Prune)
                {
                    var gone = store.Paths().Where(p => !File.Exists(p)).ToList();
                    context.Error.WriteLine($"pruned: {store.Forget(gone)} files no longer in the archive");
                }

                using var progress = new IngestProgress(context.Error, flags.Quiet, IngestProgress.IsTerminal(context.Error));
                summary = new Ingestor(parser, store, limits, ExtractorVersion.Of(parser.Rules)).Run(files, flags.Force, progress, flags.Jobs);
            }

            // The task histories are derived from every bulletin of the database, so they are
            // rebuilt once the batch is in.
            using var connection = Database.OpenForWriting(databasePath);
            var history = HistoryStore.Update(connection, new HistoryBuilder(parser.Rules.Common) { Parallelism = flags.Jobs });
            context.Error.WriteLine($"histories: {history.Rebuilt} of {history.Series} series rebuilt, {history.TaskIdentities} tasks followed, {history.Departments} departments, {history.Findings} audit findings");
            var pagesAfter = Database.PagesInUse(connection);
            if (Compaction.Pays(pagesBefore, pagesAfter))
            {
                Database.Compact(connection);
                var pageSize = Database.PageSize(connection);
                context.Error.WriteLine($"compacted: {Megabytes(pagesAfter * pageSize)} → {Megabytes(Database.PagesInUse(connection) * pageSize)}");
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return context.Fail($"{databasePath}: {e.Message}");
        }

        IngestProgress.Summarise(context.Error, summary, databasePath, IngestProgress.IsTerminal(context.Error));
        var failed = summary.Count(IngestStatus.Failed);
        return failed > 0 && flags.Strict ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");

    private sealed record Flags(bool Force, bool Strict, bool Quiet, bool Prune, int Jobs);
}
