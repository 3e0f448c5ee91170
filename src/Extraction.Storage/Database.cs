using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>Opens the SQLite file: foreign keys on, schema brought up to date by the numbered scripts in Schema/.</summary>
public static class Database
{
    private const string ResourcePrefix = "Extraction.Storage.Schema.";

    /// <summary>How long a statement waits for a lock another connection holds before it gives up.</summary>
    private const int BusyMilliseconds = 60_000;

    /// <summary>
    /// Opens the database for writing. In WAL mode readers and the one writer do not block each
    /// other: a long query never aborts an ingest, an ingest never aborts a query.
    /// </summary>
    public static SqliteConnection OpenForWriting(string path)
    {
        var connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        connection.Execute("PRAGMA journal_mode = WAL");

        // In WAL mode NORMAL loses no committed transaction on a crash of the program (only,
        // at worst, the last ones on a power cut), and spares an fsync per transaction.
        connection.Execute("PRAGMA synchronous = NORMAL");

        // Room for the pages a batch of files changes (4 MB instead of 2): with less, SQLite
        // writes some out to the log before the commit and again at it; with more, the memory
        // of an ingest grows with the database (16 MB cost 10 MB at 2000 bulletins, no time).
        connection.Execute("PRAGMA cache_size = -4096");

        // Each file is saved under a savepoint, so SQLite keeps the first version of every page
        // the file changes, to undo it: in a temporary file that was hundreds of writes a file.
        connection.Execute("PRAGMA temp_store = MEMORY");
        Migrate(connection);
        return connection;
    }

    /// <summary>Pages holding data (the file's pages less the free ones).</summary>
    public static long PagesInUse(SqliteConnection connection) =>
        connection.ExecuteScalar<long>("SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count())");

    /// <summary>Bytes of one page.</summary>
    public static long PageSize(SqliteConnection connection) => connection.ExecuteScalar<long>("PRAGMA page_size");

    /// <summary>
    /// Writes the database out again with every page full (VACUUM), each full-text index first
    /// merged into one segment (an ingest adds one a batch), and empties the log the rewrite went
    /// through, so the file on disk is the smaller one at once. Readers may go on reading
    /// meanwhile; no other writer can be open (the ingest holds the writer lock).
    /// </summary>
    public static void Compact(SqliteConnection connection)
    {
        var indexes = connection.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'").ToList();
        foreach (var index in indexes)
        {
            connection.Execute($"INSERT INTO \"{index}\" (\"{index}\") VALUES ('optimize')");
        }

        // VACUUM copies the database into a temporary one first: on disk, not in memory, where
        // a whole archive would be held at once.
        connection.Execute("PRAGMA temp_store = FILE");
        connection.Execute("VACUUM");
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>Opens an existing database so that no statement can change it.</summary>
    public static SqliteConnection OpenReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no database at {path} (run 'extract ingest' first)", path);
        }

        return Open(path, SqliteOpenMode.ReadOnly);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            ForeignKeys = true,
            Pooling = false,
        }.ToString());
        connection.Open();
        connection.Execute($"PRAGMA busy_timeout = {BusyMilliseconds}");
        return connection;
    }

    public static int SchemaVersion(SqliteConnection connection)
    {
        var hasMeta = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") > 0;
        return hasMeta ? int.Parse(connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'schema_version'") ?? "0", System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static void Migrate(SqliteConnection connection)
    {
        var current = SchemaVersion(connection);
        var scripts = Scripts().ToList();
        if (current > scripts.Count)
        {
            throw new InvalidOperationException($"the database has schema version {current}, newer than this program knows ({scripts.Count})");
        }

        foreach (var (version, sql) in scripts.Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            connection.Execute("UPDATE meta SET value = @version WHERE key = 'schema_version'", new { version = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, transaction);
            transaction.Commit();
        }
    }

    private static IEnumerable<(int Version, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var version = int.Parse(name.AsSpan(ResourcePrefix.Length, 3), System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }
}
