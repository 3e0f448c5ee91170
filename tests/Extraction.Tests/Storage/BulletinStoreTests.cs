using Extraction.Pipeline.Ingest;
using Dapper;
using Extraction.Pipeline;
using Extraction.Storage;

namespace Extraction.Tests.Storage;

public sealed class BulletinStoreTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly BulletinParser parser = new(TestPaths.RuleBook);

    public void Dispose() => dir.Dispose();

    [Fact]
    public void The_schema_uses_nothing_that_older_sqlite_tools_cannot_read()
    {
        // group_concat(… ORDER BY …) needs SQLite 3.44; with it in one view, the sqlite3 of
        // Debian 12 (3.40) and Python's sqlite3 cannot open the database at all.
        var db = dir.File("b.db");
        using (new BulletinStore(db))
        {
        }

        using var c = Database.OpenReadOnly(db);
        var schema = c.Query<(string Name, string Sql)>("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").ToList();
        Assert.NotEmpty(schema);
        Assert.All(schema, s => Assert.DoesNotMatch(@"group_concat\([^()]*ORDER BY", s.Sql));
    }

    [Fact]
    public void Saving_the_same_file_twice_adds_nothing()
    {
        var db = dir.File("b.db");
        Assert.Equal(IngestStatus.Added, Save(db, "sanmenxia-2020-11.txt"));
        var first = Counts(db);

        Assert.Equal(IngestStatus.Updated, Save(db, "sanmenxia-2020-11.txt"));

        Assert.Equal(first, Counts(db));
        Assert.Equal(22, first["tasks"]);
        Assert.Equal(10, first["categories"]);
        Assert.Equal(1, first["bulletins"]);
    }

    [Fact]
    public void Two_files_of_one_bulletin_are_one_bulletin_with_two_sources()
    {
        var db = dir.File("b.db");
        var copy = dir.File("copy-with-bom.txt");
        File.WriteAllBytes(copy, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(TestPaths.CorpusFile("sanmenxia-2020-11.txt"))]);

        Save(db, TestPaths.CorpusFile("sanmenxia-2020-11.txt"));
        Save(db, copy);

        var counts = Counts(db);
        Assert.Equal(2, counts["source_documents"]);
        Assert.Equal(1, counts["bulletins"]);
        Assert.Equal(22, counts["tasks"]);
    }

    [Fact]
    public void A_failed_file_is_recorded_with_its_reason_and_no_bulletin()
    {
        var db = dir.File("b.db");
        var empty = dir.File("empty.txt");
        File.WriteAllBytes(empty, []);

        Assert.Equal(IngestStatus.Failed, Save(db, empty));

        using var connection = Database.OpenReadOnly(db);
        var row = connection.QuerySingle<(string Status, string Error, long? BulletinId)>("SELECT status, error, bulletin_id FROM source_documents");
        Assert.Equal(("failed", "empty file", null), row);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM bulletins"));
    }

    [Fact]
    public void The_task_overview_has_one_row_per_task_with_departments_in_printed_order()
    {
        var db = dir.File("b.db");
        Save(db, TestPaths.CorpusFile("sanmenxia-2020-11.txt"));

        using var connection = Database.OpenReadOnly(db);
        var row = connection.QuerySingle<(string Departments, string AsOf, string Date, long Category)>(
            "SELECT departments, as_of, bulletin_date, category FROM task_overview WHERE number = 7");
        Assert.Equal(("市妇联、市卫生健康委", "2020-05-31", "2020-06-04", 5L), row);
        Assert.Equal(22, connection.ExecuteScalar<long>("SELECT count(*) FROM task_overview"));
    }

    [Fact]
    public void Songqiao2020_09_Each_unit_keeps_its_role_lead_or_partner()
    {
        // Row 1 of the table: 牵头单位 县人社局, 配合单位 各乡镇.
        var db = dir.File("b.db");
        Save(db, "songqiao-county-2020-09.txt");

        using var connection = Database.OpenReadOnly(db);
        var roles = connection.Query<(string Department, string Role)>(
            "SELECT written_as, role FROM department_report WHERE number = 1 ORDER BY role").ToList();
        Assert.Equal([("县人社局", "lead"), ("各乡镇", "partner")], roles);
    }

    [Fact]
    public void Figures_keep_their_numbers_as_numbers()
    {
        var db = dir.File("b.db");
        Save(db, TestPaths.CorpusFile("sanmenxia-2020-11.txt"));

        using var connection = Database.OpenReadOnly(db);
        var total = connection.ExecuteScalar<double>("SELECT sum(value) FROM figure_overview WHERE unit = '元' AND field = 'progress' AND number = 4");
        Assert.Equal(1470000000d + 250000000d + 668000000d, total);
        Assert.Equal("at_least", connection.ExecuteScalar<string>("SELECT qualifier FROM figure_overview WHERE raw = '11710户'"));
    }

    [Fact]
    public void Yunxiu2024_09_A_bulletin_without_tasks_keeps_its_statements_figures_and_tallies()
    {
        var db = dir.File("b.db");
        Assert.Equal(IngestStatus.Added, Save(db, "yunxiu-county-2024-09.html"));

        using var connection = Database.OpenReadOnly(db);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM tasks"));
        Assert.Equal(7, connection.ExecuteScalar<long>("SELECT count(*) FROM statements"));
        Assert.Equal(
            [("done", 21L), ("on_schedule", 23L), ("behind", 4L)],
            connection.Query<(string, long)>("SELECT status, count FROM tally_overview ORDER BY tally_id"));
        Assert.Equal(48, connection.ExecuteScalar<long>("SELECT DISTINCT declared_tasks FROM tally_overview"));

        // 12.6亿元 of the second paragraph, with the as-of date the paragraph opens with.
        var money = connection.QuerySingle<(double Value, string AsOf, string Section)>(
            "SELECT f.value, f.as_of, s.section FROM figure_overview f JOIN statements s ON s.id = f.statement_id WHERE f.raw = '12.6亿元'");
        Assert.Equal((1260000000d, "2024-09-30", "intro"), money);
        Assert.Equal("no tasks found", connection.ExecuteScalar<string>("SELECT message FROM warnings"));
    }

    [Fact]
    public void Statements_and_their_figures_go_with_their_bulletin_when_it_is_saved_again()
    {
        var db = dir.File("b.db");
        Save(db, "meiling-city-2023-09.txt");
        var first = Counts(db);
        Save(db, "meiling-city-2023-09.txt");

        Assert.Equal(first, Counts(db));
        using var connection = Database.OpenReadOnly(db);
        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT count(*) FROM statements"));
        Assert.Equal(11, connection.ExecuteScalar<long>("SELECT count(*) FROM figures WHERE field = 'statement'"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM figures WHERE statement_id NOT IN (SELECT id FROM statements)"));
    }

    [Fact]
    public void Foreign_keys_are_enforced()
    {
        using var store = new BulletinStore(dir.File("b.db"));
        using var connection = Database.OpenForWriting(dir.File("b.db"));
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() =>
            connection.Execute("INSERT INTO tasks (bulletin_id, position, number, text) VALUES (999, 0, 1, 'x')"));
    }

    [Fact]
    public void A_read_only_connection_refuses_writes()
    {
        var db = dir.File("b.db");
        Save(db, TestPaths.CorpusFile("sanmenxia-2020-11.txt"));
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => QueryRunner.Run(db, "DELETE FROM tasks"));
        Assert.Equal(22L, QueryRunner.Run(db, "SELECT count(*) FROM tasks").Rows[0][0]);
    }

    private IngestStatus Save(string db, string path)
    {
        var full = Path.IsPathRooted(path) ? path : TestPaths.CorpusFile(path);
        var outcome = parser.ParseFile(full);
        var bytes = File.ReadAllBytes(full);
        using var store = new BulletinStore(db);
        var file = new StoredFile(full, Path.GetFileName(full), outcome.Sha256!, bytes.Length, outcome.Bulletin?.Source.Format.ToString().ToLowerInvariant(), null, "test");
        return store.Save(file, outcome.Succeeded ? outcome.Bulletin : null, outcome.Error);
    }

    private static Dictionary<string, long> Counts(string db)
    {
        using var connection = Database.OpenReadOnly(db);
        return new[] { "source_documents", "bulletins", "categories", "tasks", "departments", "task_departments", "progress", "figures", "problems", "warnings", "statements", "tallies" }
            .ToDictionary(t => t, t => connection.ExecuteScalar<long>($"SELECT count(*) FROM {t}"));
    }
}
