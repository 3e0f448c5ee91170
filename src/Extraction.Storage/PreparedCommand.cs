using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// One SQL statement prepared once and run for many rows: SQLite compiles it on the first run
/// and keeps it, where a new command per row (as Dapper makes) compiles it every time. The
/// values are given in the order of <c>names</c>; null is SQL NULL.
/// </summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public PreparedCommand(SqliteConnection connection, string sql, params string[] names)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        parameters = [.. names.Select(n => command.Parameters.Add(new SqliteParameter("@" + n, DBNull.Value)))];
    }

    public int Execute(SqliteTransaction transaction, params object?[] values)
    {
        Bind(transaction, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement that returns one integer (an INSERT … RETURNING id).</summary>
    public long Scalar(SqliteTransaction transaction, params object?[] values)
    {
        Bind(transaction, values);
        return command.ExecuteScalar() is long id ? id : throw new InvalidOperationException($"no id returned by: {command.CommandText}");
    }

    public void Dispose() => command.Dispose();

    private void Bind(SqliteTransaction transaction, object?[] values)
    {
        if (values.Length != parameters.Length)
        {
            throw new ArgumentException($"{values.Length} values for {parameters.Length} parameters", nameof(values));
        }

        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
