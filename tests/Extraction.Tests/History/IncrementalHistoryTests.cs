using Dapper;
using Extraction.Storage;
using Extraction.Tests.Cli;

namespace Extraction.Tests.History;

/// <summary>
/// Ingest rebuilds only the series it changed: files ingested one at a time, edited and pruned
/// give the same histories, audit and search results as one batch followed by a full rebuild.
/// </summary>
public sealed class IncrementalHistoryTests
{
    private static readonly string[] Files =
    [
        .. new[] { "07", "11", "15", "22" }.Select(n => TestPaths.CorpusFile($"sanmenxia-2020-{n}.txt")),
        .. Directory.GetFiles(Path.Combine(TestPaths.Corpus, "series", "qinglan-2025"), "*.txt").Order(StringComparer.Ordinal),
        TestPaths.CorpusFile("lanxi-county-2021-q3.txt"),
    ];

    [Fact]
    public void One_file_at_a_time_gives_what_one_batch_and_a_rebuild_give()
    {
        using var dir = new TempDirectory();
        var batch = dir.File("batch.db");
        Assert.Equal(0, CliRunner.Run(["ingest", .. Files, "--db", batch, "--rules", TestPaths.Rules]).Exit);
        Assert.Equal(0, CliRunner.Run("rebuild", "--db", batch, "--rules", TestPaths.Rules).Exit);

        var single = dir.File("single.db");
        var copies = Directory.CreateDirectory(dir.File("copies")).FullName;
        foreach (var file in Files.Reverse())
        {
            var copy = Path.Combine(copies, Path.GetFileName(file));
            File.Copy(file, copy);
            var (exit, _, error) = CliRunner.Run("ingest", copy, "--db", single, "--rules", TestPaths.Rules);
            Assert.True(exit == 0, error);
            Assert.Contains("histories: 1 of", error);
        }

        // A file that leaves: its series is rebuilt without it.
        var extra = Path.Combine(copies, "extra.txt");
        File.Copy(TestPaths.CorpusFile("variant-lanxi-1.txt"), extra);
        Assert.Equal(0, CliRunner.Run("ingest", extra, "--db", single, "--rules", TestPaths.Rules).Exit);
        File.Delete(extra);
        Assert.Equal(0, CliRunner.Run("ingest", copies, "--db", single, "--prune", "--rules", TestPaths.Rules).Exit);

        Assert.Equal(Derived(batch), Derived(single));
        var (_, found, _) = CliRunner.Run("search", "负压病房", "--db", single, "--format", "csv");
        Assert.Equal(CliRunner.Run("search", "负压病房", "--db", batch, "--format", "csv").Out, found);
        Storage.TextSearchTests.AssertIndexesAgreeWithTheirTables(single);
    }

    [Fact]
    public void Histories_built_a_series_at_a_time_are_those_built_all_at_once()
    {
        using var dir = new TempDirectory();
        var db = dir.File("h.db");
        Assert.Equal(0, CliRunner.Run(["ingest", .. Files, "--db", db, "--rules", TestPaths.Rules]).Exit);
        var whole = Derived(db);
        using (var connection = Database.OpenForWriting(db))
        {
            var summary = HistoryStore.Rebuild(connection, new Extraction.History.HistoryBuilder(TestPaths.RuleSet), bulletinsPerChunk: 1);
            Assert.True(summary.Rebuilt > 2, "several series, each in a chunk of its own");
        }

        Assert.Equal(whole, Derived(db));
    }

    private static string Derived(string db)
    {
        using var c = Database.OpenReadOnly(db);
        var history = c.Query("SELECT series, issue, number, identity_number, task, completion, status, printed_status FROM task_history ORDER BY series, issue, number")
            .Select(r => string.Join('|', ((IDictionary<string, object>)r).Values));
        var audit = c.Query("SELECT kind, issue, number, figures FROM audit ORDER BY kind, issue, number").Select(r => string.Join('|', ((IDictionary<string, object>)r).Values));
        return string.Join('\n', history.Concat(audit));
    }
}
