using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Extraction.Storage;

/// <summary>
/// A user's SQL, run so that it cannot write anything anywhere: the database is opened
/// read-only, the text must be one statement that SQLite itself calls read-only, and an
/// authorizer refuses every action but reading (no ATTACH, no VACUUM INTO a new file, no
/// writing pragma). A time limit interrupts it; rows are streamed, not held.
/// </summary>
public sealed class ReadOnlyQuery : IDisposable
{
    private const int SqliteOk = 0;
    private const int SqliteDeny = 1;
    private const int ProgressEvery = 10_000;

    // SQLite's authorizer action codes that only read.
    private const int ActionPragma = 19;
    private const int ActionRead = 20;
    private const int ActionSelect = 21;
    private const int ActionFunction = 31;
    private const int ActionRecursive = 33;

    /// <summary>Pragmas that describe the schema, allowed with their argument (PRAGMA table_info(tasks)).</summary>
    private static readonly HashSet<string> Introspection = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    };

    private readonly SqliteConnection connection;
    private readonly SqliteCommand command;
    private readonly SqliteDataReader reader;
    private readonly DateTime deadline;

    private ReadOnlyQuery(SqliteConnection connection, SqliteCommand command, SqliteDataReader reader, DateTime deadline)
    {
        this.connection = connection;
        this.command = command;
        this.reader = reader;
        this.deadline = deadline;
        Columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    public IReadOnlyList<string> Columns { get; }

    /// <exception cref="QueryRefusedException">Not one read-only statement.</exception>
    /// <exception cref="SqliteException">The SQL is wrong, or the time limit passed.</exception>
    public static ReadOnlyQuery Start(string databasePath, string sql, TimeSpan timeout)
    {
        var connection = Database.OpenReadOnly(databasePath);
        try
        {
            var statement = OneStatement(connection, sql);
            raw.sqlite3_set_authorizer(connection.Handle, Authorize, null);
            var deadline = DateTime.UtcNow + timeout;
            raw.sqlite3_progress_handler(connection.Handle, ProgressEvery, _ => DateTime.UtcNow > deadline ? 1 : 0, null);
            var command = connection.CreateCommand();
            command.CommandText = statement;
            return new ReadOnlyQuery(connection, command, command.ExecuteReader(), deadline);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The rows, read one at a time as the caller asks for them.</summary>
    public IEnumerable<object?[]> Rows()
    {
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }

    /// <summary>Whether the time limit stopped the rows.</summary>
    public bool TimedOut => DateTime.UtcNow > deadline;

    public void Dispose()
    {
        reader.Dispose();
        command.Dispose();
        connection.Dispose();
    }

    /// <summary>The first statement of the text, refused unless it is the only one and reads only.</summary>
    private static string OneStatement(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement, out var tail);
        using (statement)
        {
            if (rc != SqliteOk)
            {
                throw new QueryRefusedException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string());
            }

            if (statement.IsInvalid)
            {
                throw new QueryRefusedException("no SQL statement given");
            }

            if (!string.IsNullOrWhiteSpace(StripComments(tail)))
            {
                throw new QueryRefusedException("one statement only: remove what follows the first ';'");
            }

            if (raw.sqlite3_stmt_readonly(statement) == 0)
            {
                throw new QueryRefusedException("only statements that read are run (select, with, explain, read-only pragmas)");
            }

            var length = sql.Length - (tail?.Length ?? 0);
            return sql[..length];
        }
    }

    private static string StripComments(string? text)
    {
        var rest = text ?? "";
        while (true)
        {
            rest = rest.TrimStart(' ', '\t', '\r', '\n', ';');
            if (rest.StartsWith("--", StringComparison.Ordinal))
            {
                var end = rest.IndexOf('\n', StringComparison.Ordinal);
                rest = end < 0 ? "" : rest[(end + 1)..];
            }
            else if (rest.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = rest.IndexOf("*/", StringComparison.Ordinal);
                rest = end < 0 ? "" : rest[(end + 2)..];
            }
            else
            {
                return rest;
            }
        }
    }

    /// <summary>Reading, selecting, functions and pragmas without an argument; nothing else.</summary>
    private static int Authorize(object userData, int action, utf8z first, utf8z second, utf8z database, utf8z trigger) => action switch
    {
        ActionRead or ActionSelect or ActionFunction or ActionRecursive => SqliteOk,
        ActionPragma when second.utf8_to_string() is null || Introspection.Contains(first.utf8_to_string() ?? "") => SqliteOk,
        _ => SqliteDeny,
    };
}

/// <summary>SQL that <see cref="ReadOnlyQuery"/> will not run, and why.</summary>
public sealed class QueryRefusedException(string message) : Exception(message);
