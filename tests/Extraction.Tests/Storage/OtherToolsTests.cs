using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Extraction.Storage;

namespace Extraction.Tests.Storage;

/// <summary>
/// The database is read by the tools users already have — the <c>sqlite3</c> command and
/// Python's <c>sqlite3</c> module, often older than the SQLite this program carries — and every
/// example query of the README and docs/schema.md gives them the rows <c>extract query</c> gives.
/// </summary>
public sealed partial class OtherToolsTests
{
    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var sql in DocumentedQueries())
        {
            data.Add(sql);
        }

        return data;
    }

    [RequiresProgramTheory("sqlite3")]
    [MemberData(nameof(Queries))]
    public void The_sqlite3_command_gives_the_rows_extract_query_gives(string sql)
    {
        var printed = Run("sqlite3", ["-json", CorpusDatabase.Path, sql]);
        var rows = printed.Trim().Length == 0 ? [] : JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(printed)!.Select(r => r.Values.ToList()).ToList();
        AssertSameRows(sql, rows);
    }

    [RequiresProgramTheory("python3")]
    [MemberData(nameof(Queries))]
    public void Pythons_sqlite3_gives_the_rows_extract_query_gives(string sql)
    {
        const string Script = "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(json.dumps(c.execute(sys.argv[2]).fetchall(), ensure_ascii=False))";
        var rows = JsonSerializer.Deserialize<List<List<JsonElement>>>(Run("python3", ["-c", Script, CorpusDatabase.Path, sql]))!;
        AssertSameRows(sql, rows);
    }

    [Fact]
    public void The_documents_hold_queries_to_check()
    {
        var queries = DocumentedQueries().ToList();
        Assert.True(queries.Count >= 15, $"{queries.Count} queries");
        Assert.Contains(queries, q => q.Contains("tasks_fts MATCH", StringComparison.Ordinal));
    }

    /// <summary>The same rows in any order: where a query leaves the order open, another SQLite may choose another.</summary>
    private static void AssertSameRows(string sql, List<List<JsonElement>> found)
    {
        var expected = QueryRunner.Run(CorpusDatabase.Path, sql).Rows.OrderBy(Key, StringComparer.Ordinal).ToList();
        var rows = found.OrderBy(r => Key([.. r.Select(Value)]), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(expected[r].Length, rows[r].Count);
            for (var c = 0; c < rows[r].Count; c++)
            {
                Assert.True(Same(expected[r][c], rows[r][c]), $"row {r}, column {c}: {expected[r][c]} ≠ {rows[r][c]} in {sql}");
            }
        }
    }

    private static string Key(object?[] row) =>
        string.Join('\u001f', row.Select(v => v is null ? "\u0000" : Convert.ToString(v is long l ? (double)l : v, CultureInfo.InvariantCulture)));

    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString(),
        _ => null,
    };

    private static bool Same(object? ours, JsonElement theirs) => ours switch
    {
        null => theirs.ValueKind == JsonValueKind.Null,
        long or double => theirs.ValueKind == JsonValueKind.Number && Math.Abs(Convert.ToDouble(ours, CultureInfo.InvariantCulture) - theirs.GetDouble()) <= 1e-9 * Math.Max(1, Math.Abs(theirs.GetDouble())),
        string text => theirs.ValueKind == JsonValueKind.String && theirs.GetString() == text,
        _ => false,
    };

    /// <summary>Each SQL statement of the README's commands and of the sql blocks of docs/schema.md.</summary>
    private static IEnumerable<string> DocumentedQueries()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md"));
        foreach (Match m in ReadmeQuery().Matches(readme))
        {
            yield return m.Groups["sql"].Value;
        }

        var schema = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "schema.md"));
        foreach (Match block in SqlBlock().Matches(schema))
        {
            var body = string.Join('\n', block.Groups["body"].Value.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            foreach (var statement in body.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                yield return statement;
            }
        }
    }

    private static string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish");
        Assert.True(process.ExitCode == 0, $"{program}: {error.Result}");
        return output.Result;
    }

    [GeneratedRegex("extract query \"(?<sql>select[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ReadmeQuery();

    [GeneratedRegex("```sql\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
