using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Extraction.Storage;

/// <summary>
/// One SQL statement compiled once and run for many rows, on the connection's own SQLite
/// handle: a new command per row (as Dapper makes) compiles it every time, and even a reused
/// SqliteCommand looks each parameter up by name on every run. The values are given in the
/// order of <c>names</c>; null is SQL NULL. Runs inside whatever transaction the connection has
/// open (the <see cref="SqliteTransaction"/> argument says which, and that one must be).
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly int[] indexes;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] names)
    {
        this.connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out statement));
        indexes = [.. names.Select(n => raw.sqlite3_bind_parameter_index(statement, "@" + n))];
        if (indexes.Contains(0) || raw.sqlite3_bind_parameter_count(statement) != names.Length)
        {
            statement.Dispose();
            throw new ArgumentException($"the parameters ({string.Join(", ", names)}) are not those of: {sql}", nameof(names));
        }
    }

    public int Execute(SqliteTransaction transaction, params object?[] values)
    {
        Run(transaction, values, out _);
        return raw.sqlite3_changes(connection.Handle);
    }

    /// <summary>Runs a statement that returns one integer (an INSERT … RETURNING id).</summary>
    public long Scalar(SqliteTransaction transaction, params object?[] values) =>
        Run(transaction, values, out var id) ? id : throw new InvalidOperationException($"no id returned by: {raw.sqlite3_sql(statement).utf8_to_string()}");

    /// <summary>Runs a statement that returns one integer or no row (a SELECT id … WHERE).</summary>
    public long? ScalarOrNull(SqliteTransaction transaction, params object?[] values) =>
        Run(transaction, values, out var id) ? id : null;

    public void Dispose() => statement.Dispose();

    /// <returns>Whether the statement gave a row; <paramref name="first"/> is its first column.</returns>
    private bool Run(SqliteTransaction transaction, object?[] values, out long first)
    {
        if (values.Length != indexes.Length || transaction.Connection != connection)
        {
            throw new ArgumentException($"{values.Length} values for {indexes.Length} parameters, or a transaction of another connection", nameof(values));
        }

        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(indexes[i], values[i]));
            }

            first = 0;
            var row = false;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (!row)
                {
                    first = raw.sqlite3_column_int64(statement, 0);
                    row = true;
                }
            }

            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return row;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string s => raw.sqlite3_bind_text(statement, index, s),
        long l => raw.sqlite3_bind_int64(statement, index, l),
        int n => raw.sqlite3_bind_int64(statement, index, n),
        bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(statement, index, d),
        _ => throw new ArgumentException($"no SQLite binding for a {value.GetType().Name}", nameof(value)),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(connection.Handle));
        }
    }
}
