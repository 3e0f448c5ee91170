using Dapper;
using Extraction.Storage;
using Microsoft.Data.Sqlite;

namespace Extraction.Tests.Storage;

public sealed class PreparedCommandTests
{
    [Fact]
    public void A_statement_run_for_many_rows_stores_each_and_a_violation_is_a_SqliteException_that_leaves_the_rest()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, share REAL, done INTEGER)");
        using var insert = new PreparedCommand(connection, "INSERT INTO t (name, share, done) VALUES (@name, @share, @done) RETURNING id", "name", "share", "done");
        using var tx = connection.BeginTransaction();
        Assert.Equal(1, insert.Scalar(tx, "市教育局", 97.8, true));
        Assert.Equal(2, insert.Scalar(tx, "县卫健局", null, false));
        var error = Assert.Throws<SqliteException>(() => insert.Scalar(tx, "市教育局", 1.0, true));
        Assert.Equal(19, error.SqliteErrorCode);
        Assert.Equal(3, insert.Scalar(tx, "区住建局", 0.5, 1));
        Assert.Throws<ArgumentException>(() => insert.Scalar(tx, "区财政局", 1.5m, true));
        tx.Commit();

        Assert.Equal(
            ["1|市教育局|97.8|1", "2|县卫健局||0", "3|区住建局|0.5|1"],
            connection.Query<(long, string, double?, long)>("SELECT id, name, share, done FROM t ORDER BY id").Select(r => $"{r.Item1}|{r.Item2}|{r.Item3}|{r.Item4}"));
    }

    [Fact]
    public void Parameters_that_are_not_the_statement_s_are_refused_when_it_is_prepared()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t (name TEXT)");
        Assert.Throws<ArgumentException>(() => new PreparedCommand(connection, "INSERT INTO t (name) VALUES (@name)", "title"));
    }
}
