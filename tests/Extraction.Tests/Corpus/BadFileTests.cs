using Extraction.Cli;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Corpus;

/// <summary>
/// Broken and hostile files (corpus/bad/): each is refused with one line naming the file and
/// the reason, quickly and in bounded memory, and a batch that meets them carries on.
/// </summary>
public sealed class BadFileTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "empty.txt", "empty file" },
        { "not-a-docx.docx", "unknown format" },
        { "truncated.pdf", "damaged" },
        { "encrypted.pdf", "encrypted" },
        { "zip-bomb.docx", "too large" },
        { "entity-expansion.docx", "DTD" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Parse_refuses_a_bad_file_with_one_line(string name, string reason)
    {
        var path = Path.Combine(TestPaths.Corpus, "bad", name);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var started = DateTime.UtcNow;

        var (exit, output, error) = CliRunner.Run("parse", path, "--rules", TestPaths.Rules);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"extract: {path}: ", line);
        Assert.Contains(reason, line);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "took too long");
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - allocated < 400_000_000, "read too much");
    }

    [Fact]
    public void Every_bad_file_is_covered()
    {
        var covered = BadFiles().Select(row => (string)row[0]).ToHashSet();
        Assert.All(Directory.EnumerateFiles(Path.Combine(TestPaths.Corpus, "bad")), f => Assert.Contains(Path.GetFileName(f), covered));
    }

    [Fact]
    public void Ingest_of_good_and_bad_files_keeps_every_good_one_and_records_the_bad()
    {
        var folder = dir.File("mixed");
        Directory.CreateDirectory(folder);
        foreach (var bad in Directory.EnumerateFiles(Path.Combine(TestPaths.Corpus, "bad")))
        {
            File.Copy(bad, Path.Combine(folder, Path.GetFileName(bad)));
        }

        foreach (var good in new[] { "sanmenxia-2020-11.txt", "sanmenxia-2020-11.docx", "sanmenxia-2020-11.pdf", "sanmenxia-2020-11.html" })
        {
            File.Copy(TestPaths.CorpusFile(good), Path.Combine(folder, good));
        }

        var db = dir.File("b.db");
        var (exit, _, error) = CliRunner.Run("ingest", folder, "--db", db, "--rules", TestPaths.Rules);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("4 added", error);
        Assert.Contains("6 failed", error);
        Assert.Equal("count(*)\r\n6\r\n", CliRunner.Run("query", "select count(*) from source_documents where status = 'failed' and error <> ''", "--db", db, "--format", "csv").Out);

        // Four files of one bulletin are one bulletin with four sources.
        Assert.Equal("bulletins,tasks\r\n1,22\r\n", CliRunner.Run("query", "select (select count(*) from bulletins) as bulletins, (select count(*) from tasks) as tasks", "--db", db, "--format", "csv").Out);
        // Again: nothing new, and the bad files are still reported, so --strict still fails.
        var (again, _, errorAgain) = CliRunner.Run("ingest", folder, "--db", db, "--rules", TestPaths.Rules, "--strict");
        Assert.Equal(ExitCodes.Failure, again);
        Assert.Contains("0 added, 0 updated, 4 unchanged, 6 failed", errorAgain);
        Assert.Contains("zip-bomb.docx", errorAgain);
    }
}
