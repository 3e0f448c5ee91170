using System.Text.Json;
using Dapper;
using Extraction.Storage;
using Extraction.Tests.Cli;

namespace Extraction.Tests.History;

/// <summary>
/// An invented three-issue series (青岚县, 2025) with the traps a supervisor must not fall
/// into — a renumbered task, a split task, an abbreviated unit, a wrong printed rate, estates
/// started beside estates completed, kilometres beside people served, a per-head subsidy — and
/// the completion and status of every report worked out by hand in histories.json.
/// </summary>
public sealed class SeriesTrustTests : IClassFixture<SeriesTrustTests.Ingested>
{
    private readonly Ingested db;

    public SeriesTrustTests(Ingested db) => this.db = db;

    public static TheoryData<int, int> Reports()
    {
        var data = new TheoryData<int, int>();
        foreach (var report in Expected().SelectMany(i => i.GetProperty("reports").EnumerateArray()))
        {
            data.Add(report.GetProperty("issue").GetInt32(), report.GetProperty("number").GetInt32());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_report_has_the_completion_and_status_worked_out_by_hand(int issue, int number)
    {
        var expected = Expected().SelectMany(i => i.GetProperty("reports").EnumerateArray())
            .Single(r => r.GetProperty("issue").GetInt32() == issue && r.GetProperty("number").GetInt32() == number);
        using var c = Database.OpenReadOnly(db.Path);
        var (completion, status) = c.QuerySingle<(double?, string?)>(
            "SELECT a.completion, a.status FROM tasks t JOIN bulletins b ON b.id = t.bulletin_id JOIN assessments a ON a.task_id = t.id WHERE b.issue = @issue AND t.number = @number",
            new { issue, number });

        var completionExpected = expected.GetProperty("completion");
        if (completionExpected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(completion);
        }
        else
        {
            Assert.NotNull(completion);
            Assert.True(Math.Abs(completion.Value - completionExpected.GetDouble()) <= 0.5, $"{issue}/{number}: {completion} for {completionExpected}");
        }

        var statusExpected = expected.GetProperty("status");
        Assert.Equal(statusExpected.ValueKind == JsonValueKind.Null ? null : statusExpected.GetString(), status);
    }

    [Fact]
    public void The_wrong_printed_rate_is_the_one_stated_rate_finding()
    {
        using var c = Database.OpenReadOnly(db.Path);
        var finding = c.QuerySingle<(long Issue, long Number, string Figures)>("SELECT issue, number, figures FROM audit WHERE kind = 'stated_vs_figures'");
        Assert.Equal((7L, 1L), (finding.Issue, finding.Number));
        Assert.Equal("64.1%; 7380人 of 1.6万人", finding.Figures);
    }

    [Fact]
    public void The_per_head_subsidy_has_no_completion_and_each_issue_says_why()
    {
        using var c = Database.OpenReadOnly(db.Path);
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE kind = 'per_unit_target'"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM task_history WHERE task LIKE '%每人每月300元%' AND completion IS NOT NULL"));
    }

    [Fact]
    public void The_renumbered_task_keeps_its_identity_and_the_abbreviated_unit_is_one_unit()
    {
        using var c = Database.OpenReadOnly(db.Path);
        var kindergarten = c.Query<long>("SELECT number FROM task_history WHERE task LIKE '%幼儿园%' ORDER BY bulletin_date").ToList();
        Assert.Equal([6L, 6L, 8L], kindergarten);
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(DISTINCT identity_id) FROM task_history WHERE task LIKE '%幼儿园%'"));
        Assert.Equal(["县人力资源社会保障局"], c.Query<string>("SELECT DISTINCT department FROM department_report WHERE task_text LIKE '%就业%'"));
    }

    [Fact]
    public void Lead_and_partner_units_keep_their_roles()
    {
        using var c = Database.OpenReadOnly(db.Path);
        var roles = c.Query<(string Department, string Role)>("SELECT DISTINCT written_as, role FROM department_report WHERE issue = 4 AND number = 4 ORDER BY role, written_as").ToList();
        Assert.Contains(("县住建局", "lead"), roles);
        Assert.Contains(roles, r => r.Role == "partner");
    }

    private static IEnumerable<JsonElement> Expected()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "histories.json")));
        return [.. document.RootElement.GetProperty("issues").EnumerateArray().Select(e => e.Clone())];
    }

    private static string Folder => Path.Combine(TestPaths.Corpus, "series", "qinglan-2025");

    /// <summary>The three issues ingested once for the tests of this class.</summary>
    public sealed class Ingested : IDisposable
    {
        private readonly TempDirectory dir = new();

        public Ingested()
        {
            Path = dir.File("qinglan.db");
            var (exit, _, error) = CliRunner.Run("ingest", Folder, "--db", Path, "--rules", TestPaths.Rules);
            Assert.True(exit == 0, error);
        }

        public string Path { get; }

        public void Dispose() => dir.Dispose();
    }
}
