using System.Diagnostics;
using Dapper;
using Extraction.Pipeline;
using Extraction.Storage;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Corpus;

/// <summary>
/// Mutated bulletins of all four formats into every reader: no exception, and each file
/// within its time and memory bounds. The suite runs a few mutants per file; the full run is
/// <c>EXTRACTION_FUZZ_MUTANTS=200 dotnet test --filter FullyQualifiedName~FuzzTests</c>.
/// Then ingest is killed at random moments in a child process: the database it leaves is
/// never corrupt or half-written, and a rerun completes it.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261202;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(30);
    private const long AllocationBound = 1L << 30;

    private static readonly string[] Originals =
    [
        "sanmenxia-2020-11.txt", "sanmenxia-2020-11.docx", "sanmenxia-2020-11.pdf", "sanmenxia-2020-11.html",
        "songqiao-county-2020-09.docx", "songqiao-county-2020-09.pdf", "shinan-county-2024-10.html", "bixun-city-2022-q3-trad.txt",
    ];

    private static int MutantsPerFile => int.TryParse(Environment.GetEnvironmentVariable("EXTRACTION_FUZZ_MUTANTS"), out var n) && n > 0 ? n : 6;

    public static TheoryData<string> Files() => [.. Originals];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Mutants_of_a_bulletin_are_read_or_refused_within_bounds(string name)
    {
        var parser = new BulletinParser(TestPaths.RuleBook);
        var original = File.ReadAllBytes(TestPaths.CorpusFile(name));
        // A seed of the file's name that is the same in every process (string.GetHashCode is not):
        // the mutants of a run are those of every run, so a failure can be reproduced.
        var random = new Random(Seed ^ name.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        for (var m = 0; m < MutantsPerFile; m++)
        {
            var (how, mutant) = Mutate(original, random);
            long allocated = 0;
            var work = Task.Factory.StartNew(
                () =>
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var outcome = parser.Parse(name, mutant);
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    return outcome;
                },
                TaskCreationOptions.LongRunning);

            Assert.True(await Task.WhenAny(work, Task.Delay(TimeBound)) == work, $"{name} {how}: over {TimeBound.TotalSeconds} s");
            var outcome = await work;
            Assert.True(allocated < AllocationBound, $"{name} {how}: {allocated / 1024 / 1024} MB allocated");
            Assert.True(outcome.Succeeded || !string.IsNullOrWhiteSpace(outcome.Error), $"{name} {how}: neither a bulletin nor a reason");
            Assert.DoesNotContain('\n', outcome.Error ?? "");
        }
    }

    [Fact]
    public void Ingest_killed_at_random_moments_leaves_a_consistent_database_and_a_rerun_completes_it()
    {
        using var dir = new TempDirectory();
        var archive = Directory.CreateDirectory(dir.File("archive")).FullName;
        foreach (var name in Originals)
        {
            File.Copy(TestPaths.CorpusFile(name), Path.Combine(archive, name));
        }

        var db = dir.File("k.db");
        var random = new Random(Seed);
        for (var kill = 0; kill < 4; kill++)
        {
            using var child = Ingest(archive, db, "--force");
            Thread.Sleep(random.Next(300, 2500));
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            child.WaitForExit();
            if (File.Exists(db))
            {
                AssertConsistent(db);
            }
        }

        using var last = Ingest(archive, db);
        Assert.True(last.WaitForExit(120_000) && last.ExitCode == 0, last.StandardError.ReadToEnd());
        AssertConsistent(db);
        using var c = Database.OpenReadOnly(db);
        Assert.Equal(Originals.Length, c.ExecuteScalar<long>("SELECT count(*) FROM source_documents"));
        Assert.True(c.ExecuteScalar<long>("SELECT count(*) FROM task_identities") > 0);
    }

    private static void AssertConsistent(string db)
    {
        using var c = Database.OpenReadOnly(db);
        Assert.Equal("ok", c.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Empty(c.Query<long>("PRAGMA foreign_key_check").ToList());
        if (Database.SchemaVersion(c) == 0)
        {
            return; // killed before the first schema script committed: an empty database, rolled back whole
        }

        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM source_documents WHERE status = 'parsed' AND bulletin_id NOT IN (SELECT id FROM bulletins)"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM bulletins WHERE id NOT IN (SELECT bulletin_id FROM source_documents WHERE bulletin_id IS NOT NULL)"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM bulletins b WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.bulletin_id = b.id) AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.bulletin_id = b.id)"));
    }

    private static Process Ingest(string archive, string db, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "extract.dll"), "ingest", archive, "--db", db, "--rules", TestPaths.Rules, "-q" }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>One mutation: bytes flipped, the file cut short, a block repeated, or junk inserted.</summary>
    private static (string How, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        switch (random.Next(4))
        {
            case 0:
                var flips = random.Next(1, 64);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                return ($"{flips} bytes flipped", [.. bytes]);
            case 1:
                var cut = random.Next(bytes.Count);
                return ($"cut at {cut}", [.. bytes.Take(cut)]);
            case 2:
                var from = random.Next(bytes.Count);
                var length = Math.Min(random.Next(1, 4096), bytes.Count - from);
                var block = bytes.GetRange(from, length);
                for (var r = 0; r < 50; r++)
                {
                    bytes.InsertRange(from, block);
                }

                return ($"{length} bytes at {from} repeated 50 times", [.. bytes]);
            default:
                var at = random.Next(bytes.Count);
                var junk = new byte[random.Next(1, 2048)];
                random.NextBytes(junk);
                bytes.InsertRange(at, junk);
                return ($"{junk.Length} random bytes at {at}", [.. bytes]);
        }
    }
}
