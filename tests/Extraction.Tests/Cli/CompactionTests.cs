using Dapper;
using Extraction.Pipeline.Ingest;
using Extraction.Storage;

namespace Extraction.Tests.Cli;

/// <summary>An ingest that wrote most of the database leaves it packed; a few files more do not rewrite it.</summary>
public sealed class CompactionTests
{
    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(10, 19, false)]
    [InlineData(0, 5, true)]
    [InlineData(1000, 1010, false)]
    public void A_rewrite_pays_once_the_run_has_at_least_doubled_the_database(long before, long after, bool pays) =>
        Assert.Equal(pays, Compaction.Pays(before, after));

    [Fact]
    public void A_first_ingest_leaves_no_room_a_rewrite_would_reclaim_and_a_small_one_rewrites_nothing()
    {
        using var dir = new TempDirectory();
        var archive = Directory.CreateDirectory(dir.File("archive")).FullName;
        // Enough bulletins for pages to split: each a corpus bulletin with a line of its own.
        string[] seeds = ["sanmenxia-2020-11.txt", "jianyang-county-2022-10.txt", "meiling-city-2023-09.txt", "tanxi-dist-2022-h1.txt"];
        for (var i = 0; i < 60; i++)
        {
            File.WriteAllText(Path.Combine(archive, $"b{i:00}.txt"), $"（存档{i}）\n" + File.ReadAllText(TestPaths.CorpusFile(seeds[i % seeds.Length])));
        }

        var db = dir.File("b.db");
        var (exit, _, error) = CliRunner.Run("ingest", archive, "--db", db, "--rules", TestPaths.Rules);
        Assert.True(exit == 0, error);
        Assert.Matches(@"compacted: \d+\.\d MB → \d+\.\d MB", error);

        var packed = new FileInfo(db).Length;
        var copy = dir.File("copy.db");
        File.Copy(db, copy);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            connection.Open();
            connection.Execute("VACUUM");
            Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        }

        // Packed, a rewrite gives the same file again; left as the ingest wrote it, these 60
        // bulletins took two pages more (2000 took a tenth more).
        Assert.Equal(new FileInfo(copy).Length, packed);

        var one = dir.File("one.txt");
        File.Copy(TestPaths.CorpusFile("songqiao-county-2020-09.txt"), one);
        (exit, _, error) = CliRunner.Run("ingest", one, "--db", db, "--rules", TestPaths.Rules);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("compacted", error);
    }
}
