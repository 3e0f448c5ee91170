using Extraction.Tests.Cli;

namespace Extraction.Tests.Storage;

/// <summary>The whole corpus ingested once for the tests that only read it (search, other SQLite tools, metadata).</summary>
public static class CorpusDatabase
{
    private static readonly TempDirectory Directory = new();

    private static readonly Lazy<string> Ingested = new(() =>
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Dispose();
        var path = Directory.File("corpus.db");
        var (exit, _, error) = CliRunner.Run("ingest", TestPaths.Corpus, "-q", "--db", path, "--rules", TestPaths.Rules);
        return exit == 0 ? path : throw new InvalidOperationException(error);
    });

    public static string Path => Ingested.Value;
}
