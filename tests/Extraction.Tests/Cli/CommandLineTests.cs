using System.Text.Json;
using Extraction.Cli;

namespace Extraction.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private static readonly string Seed = TestPaths.CorpusFile("sanmenxia-2020-11.txt");
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("parse", "--help")]
    [InlineData("ingest", "--help")]
    [InlineData("query", "--help")]
    [InlineData("figures", "--help")]
    [InlineData("check", "--help")]
    [InlineData("rules", "test", "--help")]
    [InlineData("history", "--help")]
    [InlineData("search", "--help")]
    [InlineData("audit", "--help")]
    [InlineData("export", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var (exit, output, _) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Usage:", output);
    }

    [Theory]
    [InlineData]
    [InlineData("parse")]
    [InlineData("parse", "a.txt", "--no-such-option")]
    [InlineData("query", "select 1", "--format", "xml")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--help", error);
    }

    [Theory]
    [InlineData("parse", "SEED")]
    [InlineData("rules", "test")]
    [InlineData("figures", "3.8万人")]
    [InlineData("check", "CORPUS")]
    public void A_broken_rules_directory_is_one_line_and_exit_1(params string[] args)
    {
        var rules = dir.File("rules");
        Directory.CreateDirectory(Path.Combine(rules, "common"));
        var arguments = args.Select(a => a switch { "SEED" => Seed, "CORPUS" => TestPaths.Corpus, _ => a }).Concat(["--rules", rules]).ToArray();

        var (exit, _, error) = CliRunner.Run(arguments);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.StartsWith("extract: rules: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Parse_json_is_valid_bulletin_1()
    {
        var (exit, output, error) = CliRunner.Run("parse", Seed, "--json", "--rules", TestPaths.Rules);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Empty(SchemaValidator.Errors(output));
        using var json = JsonDocument.Parse(output);
        Assert.Equal("bulletin/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(22, json.RootElement.GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public void Meiling2023_09_A_bulletin_without_tasks_parses_with_exit_0_and_a_warning()
    {
        var (exit, output, error) = CliRunner.Run("parse", TestPaths.CorpusFile("meiling-city-2023-09.txt"), "--json", "--rules", TestPaths.Rules);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Empty(SchemaValidator.Errors(output));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("tasks").GetArrayLength());
        Assert.Equal("no tasks found", json.RootElement.GetProperty("warnings")[0].GetString());
        Assert.Equal(3, json.RootElement.GetProperty("statements").GetArrayLength());
        Assert.Equal(["done 4", "on_schedule 5", "behind 3"], json.RootElement.GetProperty("tallies").EnumerateArray().Select(t => $"{t.GetProperty("status").GetString()} {t.GetProperty("count").GetInt32()}"));
        Assert.Equal("2023-10-11", json.RootElement.GetProperty("bulletin").GetProperty("date").GetString());
    }

    [Fact]
    public void Ingest_stores_statements_and_tallies_of_bulletins_without_tasks_and_search_finds_them()
    {
        var db = dir.File("bulletins.db");
        var folder = dir.File("in");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "yunxiu-county-2024-09.html", "qingxi-dist-2024-h1.txt", "meiling-city-2023-09.txt" })
        {
            File.Copy(TestPaths.CorpusFile(name), Path.Combine(folder, name));
        }

        var (exit, _, error) = CliRunner.Run("ingest", folder, "--db", db, "--rules", TestPaths.Rules);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("3 added", error);
        Assert.Equal("count(*)\r\n16\r\n", CliRunner.Run("query", "select count(*) from statements", "--db", db, "--format", "csv").Out);
        Assert.Equal("n,total\r\n3,30\r\n", CliRunner.Run("query", "select count(*) n, sum(count) total from tally_overview where status = 'done'", "--db", db, "--format", "csv").Out);
        var found = CliRunner.Run("search", "口袋公园", "--db", db, "--rules", TestPaths.Rules, "--format", "csv");
        Assert.Contains("statement", found.Out);
    }

    [Fact]
    public void Parse_without_json_prints_a_summary()
    {
        var (exit, output, _) = CliRunner.Run("parse", Seed, "--rules", TestPaths.Rules);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("专项督查快报 第11期", output);
        Assert.Contains("departments: 市妇联、市卫生健康委", output);
    }

    [Fact]
    public void Parse_paragraphs_shows_a_pdf_table_as_the_rules_see_it()
    {
        var (exit, output, error) = CliRunner.Run("parse", TestPaths.CorpusFile("songqiao-county-2020-09.pdf"), "--paragraphs");
        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rule family: common", lines[0].TrimEnd('\r'));
        Assert.Equal("¶1 p.1\t松桥县2020年民生实事项目推进情况表（1—9月）", lines[1].TrimEnd('\r'));
        Assert.Contains("¶5 p.1\t1 | 新增城镇就业3000人，城镇登记失业率控制在4%以内 | 县人社局 | 各乡镇 | 新增城镇就业2786人，完成率92.9%；城镇登记失业率3.2% | 是", output);

        // Each paragraph says how it was read: the table and its inferred column roles, the rows in it.
        Assert.Contains("← table (pipes) of 9 rows to ¶13; columns: number ← 序号, task ← 实事内容, departments ← 牵头单位, partners ← 配合单位, progress ← 1—9月推进情况, status ← 是否达到序时进度", output);
        Assert.Contains("← in the table of ¶4", output);
    }

    [Fact]
    public void Parse_paragraphs_says_why_a_paragraph_got_no_role()
    {
        var (exit, output, error) = CliRunner.Run("parse", TestPaths.CorpusFile("sanmenxia-2020-11.txt"), "--paragraphs");
        Assert.True(exit == ExitCodes.Ok, error);

        // ¶14 is the second line of task 2, broken by the layout: no rule takes it, it continues the task.
        Assert.Contains("¶14\t方米；新建燃气管道10公里；对市污水处理厂进行扩建。\n\t  ← no rule matched: continues the task's text", output.Replace("\r", ""));
        Assert.Contains("← label.departments (departments)", output);
    }

    [Fact]
    public void A_missing_or_bad_file_is_one_line_and_exit_1()
    {
        var empty = dir.File("empty.txt");
        File.WriteAllBytes(empty, []);

        foreach (var path in new[] { dir.File("nope.txt"), empty })
        {
            var (exit, output, error) = CliRunner.Run("parse", path, "--rules", TestPaths.Rules);
            Assert.Equal(ExitCodes.Failure, exit);
            Assert.Empty(output);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.StartsWith($"extract: {path}: ", error);
        }
    }

    [Fact]
    public void Ingest_then_query_counts_22_tasks_and_a_second_ingest_changes_nothing()
    {
        var db = dir.File("bulletins.db");
        var corpus = dir.File("corpus");
        Directory.CreateDirectory(corpus);
        File.Copy(Seed, Path.Combine(corpus, "sanmenxia-2020-11.txt"));
        File.WriteAllText(Path.Combine(corpus, "NOTES.md"), "not a bulletin");

        var first = CliRunner.Run("ingest", corpus, "--db", db, "--rules", TestPaths.Rules);
        Assert.True(first.Exit == ExitCodes.Ok, first.Error);
        Assert.Contains("1 added", first.Error);
        Assert.Equal("count(*)\r\n22\r\n", CliRunner.Run("query", "select count(*) from tasks", "--db", db, "--format", "csv").Out);

        var second = CliRunner.Run("ingest", corpus, "--db", db, "--rules", TestPaths.Rules);
        Assert.Contains("1 unchanged", second.Error);
        Assert.Equal("count(*)\r\n22\r\n", CliRunner.Run("query", "select count(*) from tasks", "--db", db, "--format", "csv").Out);
    }

    [Fact]
    public void Ingest_records_a_bad_file_and_carries_on()
    {
        var db = dir.File("bulletins.db");
        var folder = dir.File("in");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "a-empty.txt"), []);
        File.Copy(Seed, Path.Combine(folder, "b-seed.txt"));

        var (exit, _, error) = CliRunner.Run("ingest", folder, "--db", db, "--rules", TestPaths.Rules);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("1 added", error);
        Assert.Contains("1 failed", error);
        Assert.Contains("a-empty.txt  empty file", error);

        var failed = CliRunner.Run("query", "select file_name, error from source_documents where status = 'failed'", "--db", db, "--format", "csv");
        Assert.Equal("file_name,error\r\na-empty.txt,empty file\r\n", failed.Out);

        Assert.Equal(ExitCodes.Failure, CliRunner.Run("ingest", folder, "--db", db, "--rules", TestPaths.Rules, "--strict", "--force").Exit);
    }

    [Fact]
    public void Query_formats_are_table_csv_and_json()
    {
        var db = dir.File("bulletins.db");
        CliRunner.Run("ingest", Seed, "--db", db, "--rules", TestPaths.Rules);
        const string sql = "select number, departments, as_of from task_overview where number in (7, 16) order by number";

        var table = CliRunner.Run("query", sql, "--db", db).Out;
        Assert.Contains("市妇联、市卫生健康委", table);
        Assert.Contains("(2 rows)", table);

        var csv = CliRunner.Run("query", sql, "--db", db, "--format", "csv").Out;
        Assert.Equal("number,departments,as_of\r\n7,市妇联、市卫生健康委,2020-05-31\r\n16,市民政局、市人力资源社会保障局,\r\n", csv);

        using var json = JsonDocument.Parse(CliRunner.Run("query", sql, "--db", db, "--format", "json").Out);
        Assert.Equal(7, json.RootElement[0].GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement[1].GetProperty("as_of").ValueKind);
    }

    [Fact]
    public void Query_errors_are_reported_not_thrown()
    {
        var db = dir.File("bulletins.db");
        CliRunner.Run("ingest", Seed, "--db", db, "--rules", TestPaths.Rules);

        var (exit, _, error) = CliRunner.Run("query", "delete from tasks", "--db", db);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("only statements that read are run", error);

        Assert.Equal(ExitCodes.Failure, CliRunner.Run("query", "select nonsense from nowhere", "--db", db).Exit);
        Assert.Contains("no database", CliRunner.Run("query", "select 1", "--db", dir.File("missing.db")).Error);
    }

    [Fact]
    public void Figures_prints_each_figure()
    {
        var (exit, output, _) = CliRunner.Run("figures", "申请财政资金130余万元，同比下降26.3%", "--rules", TestPaths.Rules);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("130余万元\tvalue=1300000\tunit=元\tkind=money\tqualifier=more_than\tchange=-", output);
        Assert.Contains("26.3%\tvalue=26.3\tunit=%\tkind=percent\tqualifier=-\tchange=decrease", output);

        using var json = JsonDocument.Parse(CliRunner.Run("figures", "3.8万人", "--json", "--rules", TestPaths.Rules).Out);
        Assert.Equal(38000, json.RootElement[0].GetProperty("value").GetDouble());
    }
}
