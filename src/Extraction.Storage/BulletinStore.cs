using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Extraction.Pipeline.Ingest;
using Extraction.Model;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// Writes parsed bulletins into the database. Each file is saved in one transaction, so a
/// crash or a bad file never leaves a half-written bulletin. Saving the same content twice
/// changes nothing; a bulletin carried by several files is stored once.
/// </summary>
public sealed class BulletinStore : IBulletinSink, IDisposable
{
    private readonly SqliteConnection connection;
    private readonly BulletinWriter writer;

    public BulletinStore(string path)
    {
        connection = Database.OpenForWriting(path);
        writer = new BulletinWriter(connection);
    }

    /// <summary>Pages of the database holding data.</summary>
    public long PagesInUse => Database.PagesInUse(connection);

    /// <summary>
    /// How this content fared at this path when the same rules and build last read it: null
    /// when they have not; else its error, "" when it was parsed.
    /// </summary>
    public string? Current(string sha256, string path, string extractorVersion) =>
        connection.QueryFirstOrDefault<string?>(
            "SELECT coalesce(error, '') FROM source_documents WHERE sha256 = @sha256 AND path = @path AND rules_fingerprint = @extractorVersion",
            new { sha256, path, extractorVersion });

    /// <summary>Every path the database holds a file from.</summary>
    public IReadOnlyList<string> Paths() => [.. connection.Query<string>("SELECT path FROM source_documents ORDER BY path")];

    /// <summary>Forgets the files at these paths, and the bulletins no other file carries; returns how many files.</summary>
    public int Forget(IReadOnlyCollection<string> paths)
    {
        using var transaction = connection.BeginTransaction();
        var candidates = connection.Query<long>("SELECT bulletin_id FROM source_documents WHERE path IN @paths AND bulletin_id IS NOT NULL", new { paths }, transaction).ToList();
        var forgotten = connection.Execute("DELETE FROM source_documents WHERE path IN @paths", new { paths }, transaction);
        DeleteOrphans(candidates, transaction);
        transaction.Commit();
        return forgotten;
    }

    /// <summary>
    /// Saves the files of a batch in one transaction (one commit, one sync for all of them); each
    /// file still stands or falls alone inside it (a savepoint), and a crash loses the batch
    /// under way, never a committed file, never half a file.
    /// </summary>
    public IDisposable Batch()
    {
        batch = connection.BeginTransaction();
        // The rows the batch adds are indexed for search when it commits, one statement a table
        // (schema 013: row by row, the index was written out a hundred times a bulletin).
        foreach (var (table, _) in Searched)
        {
            connection.Execute($"INSERT INTO search_pending (tbl, after_id) SELECT '{table}', coalesce(max(id), 0) FROM {table}", transaction: batch);
        }

        return new BatchScope(this);
    }

    /// <summary>The tables with a full-text index, <c>&lt;table&gt;_fts</c>, and the column it holds.</summary>
    private static readonly (string Table, string Column)[] Searched = [("tasks", "text"), ("progress", "text"), ("statements", "text"), ("departments", "name")];

    private SqliteTransaction? batch;

    private sealed class BatchScope(BulletinStore store) : IDisposable
    {
        public void Dispose()
        {
            if (store.batch is not { } open)
            {
                return;
            }

            foreach (var (table, column) in Searched)
            {
                store.connection.Execute(
                    $"INSERT INTO {table}_fts (rowid, {column}) SELECT id, {column} FROM {table} WHERE id > (SELECT after_id FROM search_pending WHERE tbl = '{table}')",
                    transaction: open);
            }

            store.connection.Execute("DELETE FROM search_pending", transaction: open);
            open.Commit();
            open.Dispose();
            store.batch = null;
        }
    }

    public IngestStatus Save(StoredFile file, BulletinDocument? bulletin, string? error, IReadOnlyList<FieldProvenance>? provenance = null)
    {
        if (batch is { } open)
        {
            open.Save("file");
            try
            {
                var status = SaveIn(open, file, bulletin, error, provenance);
                open.Release("file");
                return status;
            }
            catch
            {
                open.Rollback("file");
                throw;
            }
        }

        using var transaction = connection.BeginTransaction();
        var saved = SaveIn(transaction, file, bulletin, error, provenance);
        transaction.Commit();
        return saved;
    }

    private IngestStatus SaveIn(SqliteTransaction transaction, StoredFile file, BulletinDocument? bulletin, string? error, IReadOnlyList<FieldProvenance>? provenance)
    {
        var known = connection.ExecuteScalar<long?>("SELECT id FROM source_documents WHERE sha256 = @Sha256", file, transaction) is not null;
        var before = connection.Query<long>("SELECT bulletin_id FROM source_documents WHERE (sha256 = @Sha256 OR path = @Path) AND bulletin_id IS NOT NULL", file, transaction).ToList();
        long? bulletinId = error is null && bulletin is not null ? SaveBulletin(bulletin, file.Sha256, provenance ?? [], transaction) : null;

        // The path now holds this content: what it held before (an earlier edit, a wrong issue
        // number since corrected) is no longer in the archive.
        connection.Execute("DELETE FROM source_documents WHERE path = @Path AND sha256 <> @Sha256", file, transaction);
        connection.Execute(
            """
            INSERT INTO source_documents (sha256, file_name, path, format, converted_from, ocr, pages, size_bytes, status, error, rules_fingerprint, bulletin_id, ingested_at)
            VALUES (@Sha256, @FileName, @Path, @Format, @ConvertedFrom, @Ocr, @Pages, @SizeBytes, @status, @error, @ExtractorVersion, @bulletinId, @now)
            ON CONFLICT (sha256) DO UPDATE SET
                file_name = excluded.file_name, path = excluded.path, format = excluded.format, converted_from = excluded.converted_from, ocr = excluded.ocr, pages = excluded.pages,
                size_bytes = excluded.size_bytes, status = excluded.status, error = excluded.error,
                rules_fingerprint = excluded.rules_fingerprint, bulletin_id = excluded.bulletin_id, ingested_at = excluded.ingested_at
            """,
            new
            {
                file.Sha256, file.FileName, file.Path, file.Format, file.ConvertedFrom, Ocr = file.Ocr ? 1 : 0, file.Pages, file.SizeBytes, file.ExtractorVersion,
                status = error is null ? "parsed" : "failed",
                error,
                bulletinId,
                now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
            transaction);

        DeleteOrphans(before, transaction);
        return error is not null ? IngestStatus.Failed : known ? IngestStatus.Updated : IngestStatus.Added;
    }

    public void Dispose()
    {
        writer.Dispose();
        connection.Dispose();
    }

    /// <summary>
    /// Of the bulletins these files carried, those whose last file now says something else, or is
    /// gone, are no longer anyone's. Only they are looked at: a save costs the same in any database.
    /// </summary>
    private void DeleteOrphans(IReadOnlyList<long> candidates, SqliteTransaction transaction)
    {
        if (candidates.Count > 0)
        {
            connection.Execute(
                "DELETE FROM bulletins WHERE id IN @candidates AND NOT EXISTS (SELECT 1 FROM source_documents s WHERE s.bulletin_id = bulletins.id)",
                new { candidates },
                transaction);
        }
    }

    private long SaveBulletin(BulletinDocument document, string sha256, IReadOnlyList<FieldProvenance> provenance, SqliteTransaction tx)
    {
        var b = document.Bulletin;
        var row = new
        {
            identity = IdentityKey(b, sha256),
            b.Series, b.Issue, b.Issuer, date = Iso(b.Date), b.Title, b.Year, b.DeclaredCategories, b.DeclaredTasks,
        };
        var existed = connection.ExecuteScalar<long?>("SELECT id FROM bulletins WHERE identity_key = @identity", row, tx) is not null;
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO bulletins (identity_key, series, issue, issuer, date, title, year, declared_categories, declared_tasks)
            VALUES (@identity, @Series, @Issue, @Issuer, @date, @Title, @Year, @DeclaredCategories, @DeclaredTasks)
            ON CONFLICT (identity_key) DO UPDATE SET
                series = excluded.series, issue = excluded.issue, issuer = excluded.issuer, date = excluded.date, title = excluded.title,
                year = excluded.year, declared_categories = excluded.declared_categories, declared_tasks = excluded.declared_tasks,
                series_id = NULL
            RETURNING id
            """,
            row,
            tx);

        writer.Write(id, document, sha256, provenance, replacing: existed, tx);
        return id;
    }

    /// <summary>
    /// What makes two files the same bulletin: the same issuer, series, issue, date and title.
    /// Without an issue number or a date there is no telling, and the file stands alone.
    /// </summary>
    private static string IdentityKey(BulletinInfo b, string sha256)
    {
        if (b.Issue is null && b.Date is null)
        {
            return "file:" + sha256;
        }

        var key = string.Join('\u001F', b.Issuer, b.Series, b.Issue, Iso(b.Date), b.Title);
        return "bulletin:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
