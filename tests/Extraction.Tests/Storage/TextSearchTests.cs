using Dapper;
using Extraction.Storage;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Storage;

/// <summary>
/// Search over the whole corpus finds every task, progress report, statement and department
/// that holds the words — the rows LIKE finds, counted independently of the search's own SQL —
/// and its indexes stay in step with their tables through re-ingests and deletions.
/// </summary>
public sealed class TextSearchTests
{

    [Theory]
    [InlineData("城镇就业")]  // split by jieba's search cut in one place and not another
    [InlineData("污水处理厂")]
    [InlineData("产前筛查")]
    [InlineData("就业")]      // two characters: shorter than a trigram, found by LIKE
    [InlineData("人社局")]    // a department
    [InlineData("%")]         // LIKE's own wildcard, as text
    public void Search_finds_every_row_that_holds_the_words(string word)
    {
        var expected = Like(word);
        Assert.True(word == "%" || expected.Count > 0, $"the corpus holds {word}");
        Assert.Equal(expected, Found(word));
    }

    [Fact]
    public void Every_term_must_occur_in_the_same_text()
    {
        var both = Found("城镇 就业");
        Assert.NotEmpty(both);
        Assert.Subset(Found("城镇").ToHashSet(), both.ToHashSet());
        Assert.Subset(Found("就业").ToHashSet(), both.ToHashSet());
        Assert.True(both.Count < Found("就业").Count);
    }

    [Fact]
    public void A_simplified_query_finds_a_bulletin_written_in_traditional_characters()
    {
        // 碧潯市 prints 城鎮 and 就業; the user types 城镇就业.
        var hits = TextSearch.Run(CorpusDatabase.Path, [TestPaths.RuleSet.Folding.Spellings("城镇就业")]).Rows;
        Assert.Contains(hits, r => ((string)r[8]!).Contains("城鎮就業", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_shows_the_departments_and_dates_of_each_hit()
    {
        var (exit, output, error) = CliRunner.Run("search", "负压病房", "--db", CorpusDatabase.Path, "--format", "json");
        Assert.True(exit == 0, error);
        Assert.Contains("\"departments\": \"市卫生健康委\"", output);
        Assert.Contains("\"bulletin_date\": \"2020-", output);
        Assert.Contains("\"field\": \"progress\"", output);
        Assert.Equal(1, CliRunner.Run("search", "   ", "--db", CorpusDatabase.Path).Exit);
    }

    [Fact]
    public void The_indexes_agree_with_their_tables_after_files_are_ingested_again_and_removed()
    {
        using var dir = new TempDirectory();
        var copy = dir.File("again.db");
        File.Copy(CorpusDatabase.Path, copy);
        Assert.Equal(0, CliRunner.Run("ingest", TestPaths.CorpusFile("sanmenxia-2020-11.txt"), "--force", "--db", copy, "--rules", TestPaths.Rules).Exit);
        AssertIndexesAgreeWithTheirTables(copy);
        using (var c = Database.OpenForWriting(copy))
        {
            c.Execute("DELETE FROM bulletins");
        }

        AssertIndexesAgreeWithTheirTables(copy);
        Assert.Empty(TextSearch.Run(copy, [["城镇就业"]]).Rows);
    }

    [Fact]
    public void Another_program_writing_the_tables_keeps_the_index_and_an_ingest_leaves_nothing_pending()
    {
        using var dir = new TempDirectory();
        var copy = dir.File("written.db");
        File.Copy(CorpusDatabase.Path, copy);
        using (var c = Database.OpenForWriting(copy))
        {
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM search_pending"));
            var bulletin = c.ExecuteScalar<long>("SELECT min(id) FROM bulletins");
            c.Execute("INSERT INTO tasks (bulletin_id, position, number, text) VALUES (@bulletin, 9999, 9999, '新建装配式公厕试点')", new { bulletin });
            c.Execute("UPDATE progress SET text = '装配式公厕试点已完工' WHERE id = (SELECT min(id) FROM progress)");
        }

        Assert.Single(TextSearch.Run(copy, [["装配式公厕试点"]]).Rows, r => (string?)r[6] == "task");
        Assert.Single(TextSearch.Run(copy, [["装配式公厕试点"]]).Rows, r => (string?)r[6] == "progress");
        Assert.Equal(0, CliRunner.Run("ingest", TestPaths.CorpusFile("sanmenxia-2020-11.txt"), "--force", "--db", copy, "--rules", TestPaths.Rules).Exit);
        AssertIndexesAgreeWithTheirTables(copy);
        using var after = Database.OpenReadOnly(copy);
        Assert.Equal(0, after.ExecuteScalar<long>("SELECT count(*) FROM search_pending"));
    }

    /// <summary>FTS5's own check that an external-content index holds exactly what its table does.</summary>
    internal static void AssertIndexesAgreeWithTheirTables(string path)
    {
        using var c = Database.OpenForWriting(path);
        foreach (var table in new[] { "tasks_fts", "progress_fts", "statements_fts", "departments_fts" })
        {
            c.Execute($"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)");
        }
    }

    private List<string> Found(string query) =>
        [.. TextSearch.Run(CorpusDatabase.Path, [.. query.Split(' ').Select(w => (IReadOnlyList<string>)[w])]).Rows
            .Select(r => $"{r[1]}|{r[2]}|{r[5]}|{r[6]}|{r[8]}").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>What a plain scan finds, row by row in each table (instr: no wildcard in the word).</summary>
    private List<string> Like(string word)
    {
        using var c = Database.OpenReadOnly(CorpusDatabase.Path);
        return [.. c.Query<string>(
            """
            SELECT coalesce(b.series, '') || '|' || coalesce(b.issue, '') || '|' || t.number || '|task|' || t.text FROM tasks t JOIN bulletins b ON b.id = t.bulletin_id WHERE instr(t.text, @word)
            UNION SELECT coalesce(b.series, '') || '|' || coalesce(b.issue, '') || '|' || t.number || '|progress|' || p.text FROM progress p JOIN tasks t ON t.id = p.task_id JOIN bulletins b ON b.id = t.bulletin_id WHERE instr(p.text, @word)
            UNION SELECT coalesce(b.series, '') || '|' || coalesce(b.issue, '') || '||statement|' || s.text FROM statements s JOIN bulletins b ON b.id = s.bulletin_id WHERE instr(s.text, @word)
            UNION SELECT coalesce(b.series, '') || '|' || coalesce(b.issue, '') || '|' || t.number || '|department|' || t.text FROM task_departments td JOIN departments d ON d.id = td.department_id
                JOIN tasks t ON t.id = td.task_id JOIN bulletins b ON b.id = t.bulletin_id WHERE instr(d.name, @word)
            """,
            new { word }).Order(StringComparer.Ordinal)];
    }
}
