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

    public BulletinStore(string path)
    {
        connection = Database.OpenForWriting(path);
    }

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
        return new BatchScope(this);
    }

    private SqliteTransaction? batch;

    private sealed class BatchScope(BulletinStore store) : IDisposable
    {
        public void Dispose()
        {
            store.batch?.Commit();
            store.batch?.Dispose();
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
        long? bulletinId = error is null && bulletin is not null ? SaveBulletin(bulletin, file.Sha256, transaction) : null;
        if (bulletinId is { } id)
        {
            SaveProvenance(id, file.Sha256, provenance ?? [], transaction);
        }

        // The path now holds this content: what it held before (an earlier edit, a wrong issue
        // number since corrected) is no longer in the archive.
        connection.Execute("DELETE FROM source_documents WHERE path = @Path AND sha256 <> @Sha256", file, transaction);
        connection.Execute(
            """
            INSERT INTO source_documents (sha256, file_name, path, format, pages, size_bytes, status, error, rules_fingerprint, bulletin_id, ingested_at)
            VALUES (@Sha256, @FileName, @Path, @Format, @Pages, @SizeBytes, @status, @error, @ExtractorVersion, @bulletinId, @now)
            ON CONFLICT (sha256) DO UPDATE SET
                file_name = excluded.file_name, path = excluded.path, format = excluded.format, pages = excluded.pages,
                size_bytes = excluded.size_bytes, status = excluded.status, error = excluded.error,
                rules_fingerprint = excluded.rules_fingerprint, bulletin_id = excluded.bulletin_id, ingested_at = excluded.ingested_at
            """,
            new
            {
                file.Sha256, file.FileName, file.Path, file.Format, file.Pages, file.SizeBytes, file.ExtractorVersion,
                status = error is null ? "parsed" : "failed",
                error,
                bulletinId,
                now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            },
            transaction);

        DeleteOrphans(before, transaction);
        return error is not null ? IngestStatus.Failed : known ? IngestStatus.Updated : IngestStatus.Added;
    }

    public void Dispose() => connection.Dispose();

    /// <summary>
    /// Of the bulletins these files carried, those whose last file now says something else, or is
    /// gone, are no longer anyone's. Only they are looked at: a save costs the same in any database.
    /// </summary>
    private void DeleteOrphans(IReadOnlyList<long> candidates, SqliteTransaction transaction)
    {
        if (candidates.Count > 0)
        {
            HistoryStore.ForgetIndex(connection, transaction, [.. connection.Query<long>(
                "SELECT id FROM bulletins WHERE id IN @candidates AND NOT EXISTS (SELECT 1 FROM source_documents s WHERE s.bulletin_id = bulletins.id)",
                new { candidates },
                transaction)]);
            connection.Execute(
                "DELETE FROM bulletins WHERE id IN @candidates AND NOT EXISTS (SELECT 1 FROM source_documents s WHERE s.bulletin_id = bulletins.id)",
                new { candidates },
                transaction);
        }
    }

    private long SaveBulletin(BulletinDocument document, string sha256, SqliteTransaction tx)
    {
        var b = document.Bulletin;
        var row = new
        {
            identity = IdentityKey(b, sha256),
            b.Series, b.Issue, b.Issuer, date = Iso(b.Date), b.Title, b.Year, b.DeclaredCategories, b.DeclaredTasks,
        };
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

        // The content of a bulletin is replaced as a whole: a re-parse may add, drop or renumber tasks.
        // Its rows of the search index go with it (they are keyed by task and statement: no foreign key).
        HistoryStore.ForgetIndex(connection, tx, [id]);
        foreach (var table in new[] { "figures", "tasks", "categories", "problems", "warnings", "statements", "tallies", "provenance" })
        {
            connection.Execute($"DELETE FROM {table} WHERE bulletin_id = @id", new { id }, tx);
        }

        var categoryIds = new Dictionary<int, long>();
        foreach (var category in document.Categories)
        {
            categoryIds[category.Ordinal] = connection.ExecuteScalar<long>(
                "INSERT INTO categories (bulletin_id, ordinal, title) VALUES (@id, @Ordinal, @Title) RETURNING id",
                new { id, category.Ordinal, category.Title },
                tx);
        }

        for (var position = 0; position < document.Tasks.Count; position++)
        {
            SaveTask(id, position, document.Tasks[position], categoryIds, tx);
        }

        foreach (var problem in document.Problems)
        {
            connection.Execute("INSERT INTO problems (bulletin_id, ordinal, text) VALUES (@id, @Ordinal, @Text)", new { id, problem.Ordinal, problem.Text }, tx);
        }

        foreach (var message in document.Warnings)
        {
            connection.Execute("INSERT INTO warnings (bulletin_id, message) VALUES (@id, @message)", new { id, message }, tx);
        }

        var statements = document.Statements ?? [];
        for (var position = 0; position < statements.Count; position++)
        {
            var statement = statements[position];
            var statementId = connection.ExecuteScalar<long>(
                "INSERT INTO statements (bulletin_id, position, section, as_of, text) VALUES (@id, @position, @section, @asOf, @Text) RETURNING id",
                new { id, position, section = Snake(statement.Section.ToString()), asOf = Iso(statement.AsOf), statement.Text },
                tx);
            SaveFigures(id, null, statementId, "statement", statement.Figures, tx);
        }

        var tallies = document.Tallies ?? [];
        for (var position = 0; position < tallies.Count; position++)
        {
            var tally = tallies[position];
            connection.Execute(
                "INSERT INTO tallies (bulletin_id, position, status, count, raw) VALUES (@id, @position, @status, @Count, @Raw)",
                new { id, position, status = Snake(tally.Status.ToString()), tally.Count, tally.Raw },
                tx);
        }

        return id;
    }

    private void SaveTask(long bulletinId, int position, BulletinTask task, Dictionary<int, long> categoryIds, SqliteTransaction tx)
    {
        long? categoryId = task.Category is { } ordinal && categoryIds.TryGetValue(ordinal, out var found) ? found : null;
        var taskId = connection.ExecuteScalar<long>(
            """
            INSERT INTO tasks (bulletin_id, position, number, category_id, category_ordinal, text, numbered, verdict)
            VALUES (@bulletinId, @position, @Number, @categoryId, @Category, @Text, @numbered, @Verdict) RETURNING id
            """,
            new { bulletinId, position, task.Number, categoryId, task.Category, task.Text, numbered = task.Numbered ?? true, task.Verdict },
            tx);

        for (var i = 0; i < task.Departments.Count; i++)
        {
            var departmentId = connection.ExecuteScalar<long>(
                "INSERT INTO departments (name) VALUES (@name) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
                new { name = task.Departments[i] },
                tx);
            var role = task.Partners?.Contains(task.Departments[i]) == true ? "partner" : "lead";
            connection.Execute(
                "INSERT INTO task_departments (task_id, department_id, position, role) VALUES (@taskId, @departmentId, @i, @role)",
                new { taskId, departmentId, i, role },
                tx);
        }

        SaveFigures(bulletinId, taskId, null, "target", task.Targets, tx);
        if (task.Progress is { } progress)
        {
            connection.Execute(
                "INSERT INTO progress (task_id, as_of, text) VALUES (@taskId, @asOf, @Text)",
                new { taskId, asOf = Iso(progress.AsOf), progress.Text },
                tx);
            SaveFigures(bulletinId, taskId, null, "progress", progress.Figures, tx);
        }
    }

    /// <summary>The figures of a task's target or progress, or of a statement (one of <paramref name="taskId"/> and <paramref name="statementId"/> is set).</summary>
    private void SaveFigures(long bulletinId, long? taskId, long? statementId, string field, IReadOnlyList<Figure> figures, SqliteTransaction tx)
    {
        // One command for all rows: SQLite prepares the statement once.
        connection.Execute(
            """
            INSERT INTO figures (bulletin_id, task_id, statement_id, field, position, raw, value, value_max, unit, kind, qualifier, change, metric, start)
            VALUES (@bulletinId, @taskId, @statementId, @field, @position, @Raw, @Value, @ValueMax, @Unit, @kind, @qualifier, @change, @Metric, @Start)
            """,
            figures.Select((f, position) => new
            {
                bulletinId, taskId, statementId, field, position, f.Raw, f.Value, f.ValueMax, f.Unit, f.Metric, f.Start,
                kind = Snake(f.Kind.ToString()),
                qualifier = f.Qualifier is { } q ? Snake(q.ToString()) : null,
                change = f.Change is { } c ? Snake(c.ToString()) : null,
            }),
            tx);
    }

    private void SaveProvenance(long bulletinId, string source, IReadOnlyList<FieldProvenance> provenance, SqliteTransaction tx)
    {
        if (provenance.FirstOrDefault(f => f.Field == "rules.family") is { } family)
        {
            connection.Execute("UPDATE bulletins SET rule_family = @Value WHERE id = @bulletinId", new { family.Value, bulletinId }, tx);
        }

        var rows = provenance.Where(f => f.Field != "rules.family").SelectMany(field =>
            (field.Sources.Count == 0 ? [null] : field.Sources.Cast<SourceRange?>()).Select((range, part) => new
            {
                bulletinId, source, field.Field, field.Rule,

                // The value is written once, on part 0: a field read from many lines would
                // otherwise repeat its whole text on every line's row (a database quadratic in it).
                Value = part == 0 ? field.Value : "",
                part, paragraph = range?.Paragraph, start = range?.Start, length = range?.Length, page = range?.Page, text = range?.Text,
            }));
        connection.Execute(
            """
            INSERT INTO provenance (bulletin_id, source, field, rule, value, part, paragraph, start, length, page, source_text)
            VALUES (@bulletinId, @source, @Field, @Rule, @Value, @part, @paragraph, @start, @length, @page, @text)
            """,
            rows,
            tx);
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

    private static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
