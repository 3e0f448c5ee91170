using System.Text.Json;
using Dapper;
using Extraction.Storage;

namespace Extraction.Tests.Storage;

/// <summary>
/// docs/metadata.json, which makes <c>datasette bulletins.db -m docs/metadata.json</c> a
/// browsing UI, describes every table and view of a real database, names only columns that
/// exist, points each table at its full-text index, and its canned queries run.
/// </summary>
public sealed class MetadataTests
{
    private static readonly JsonElement Database = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "metadata.json")))
        .RootElement.GetProperty("databases").GetProperty("bulletins");

    [Fact]
    public void Every_table_and_view_is_described_and_every_described_column_exists()
    {
        using var c = Extraction.Storage.Database.OpenReadOnly(CorpusDatabase.Path);
        var tables = c.Query<string>("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%\\_fts%' ESCAPE '\\'").ToHashSet();
        var described = Database.GetProperty("tables").EnumerateObject().ToDictionary(t => t.Name, t => t.Value);
        Assert.Equal(tables.Order(), described.Keys.Order());
        foreach (var (table, meta) in described)
        {
            Assert.False(string.IsNullOrWhiteSpace(meta.GetProperty("description").GetString()), table);
            var columns = c.Query<string>($"SELECT name FROM pragma_table_info('{table}')").ToHashSet();
            if (meta.TryGetProperty("columns", out var named))
            {
                Assert.All(named.EnumerateObject(), column => Assert.True(columns.Contains(column.Name), $"{table}.{column.Name}"));
            }

            if (meta.TryGetProperty("fts_table", out var fts))
            {
                Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name = @name AND sql LIKE '%content = ''' || @table || '''%'", new { name = fts.GetString(), table }));
            }
        }
    }

    [Fact]
    public void Every_canned_query_runs_and_finds_rows()
    {
        var parameters = new Dictionary<string, object?> { [":number"] = 1, [":text"] = "城镇就业" };
        foreach (var query in Database.GetProperty("queries").EnumerateObject())
        {
            var rows = QueryRunner.Run(CorpusDatabase.Path, query.Value.GetProperty("sql").GetString()!, parameters).Rows;
            Assert.True(rows.Count > 0, query.Name);
        }
    }
}
