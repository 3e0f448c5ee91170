using System.Text;
using Extraction.Cli;

namespace Extraction.Tests.Cli;

/// <summary>CSV for Excel and WPS: a byte-order mark in files named *.csv and with --bom, none on standard output otherwise.</summary>
public sealed class CsvFileTests : IClassFixture<CsvFileTests.SeedDatabase>, IDisposable
{
    private const string Sql = "select number, departments from task_overview where number in (7, 16) order by number";
    private const string Csv = "number,departments\r\n7,市妇联、市卫生健康委\r\n16,市民政局、市人力资源社会保障局\r\n";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly string db;
    private readonly TempDirectory dir = new();

    public CsvFileTests(SeedDatabase seed) => db = seed.Path;

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Standard_output_has_a_byte_order_mark_only_with_bom()
    {
        Assert.Equal(Csv, CliRunner.Run("query", Sql, "--db", db, "--format", "csv").Out);
        Assert.Equal("\uFEFF" + Csv, CliRunner.Run("query", Sql, "--db", db, "--format", "csv", "--bom").Out);
    }

    [Fact]
    public void A_file_named_csv_gets_csv_with_a_byte_order_mark_and_crlf()
    {
        var file = dir.File("任务.csv");
        var (exit, output, error) = CliRunner.Run("query", Sql, "--db", db, "--out", file);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("", output);
        Assert.Contains($"wrote {file}", error);
        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes(Csv)], File.ReadAllBytes(file));
    }

    [Fact]
    public void Another_file_name_gets_no_byte_order_mark_unless_asked()
    {
        var plain = dir.File("rows.txt");
        var marked = dir.File("marked.txt");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("query", Sql, "--db", db, "--format", "csv", "--out", plain).Exit);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("query", Sql, "--db", db, "--format", "csv", "--out", marked, "--bom").Exit);

        Assert.Equal(Encoding.UTF8.GetBytes(Csv), File.ReadAllBytes(plain));
        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes(Csv)], File.ReadAllBytes(marked));
    }

    [Fact]
    public void A_file_named_json_gets_json_without_a_mark_and_bom_is_for_csv_only()
    {
        var file = dir.File("rows.json");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("query", Sql, "--db", db, "--out", file).Exit);
        Assert.Equal((byte)'[', File.ReadAllBytes(file)[0]);

        var (exit, _, error) = CliRunner.Run("query", Sql, "--db", db, "--format", "json", "--bom");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--bom is for CSV", error);
    }

    [Fact]
    public void A_file_keeps_the_formula_guard()
    {
        var file = dir.File("formula.csv");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("query", "select '=1+1' as f, -3 as n", "--db", db, "--out", file).Exit);
        Assert.Equal("\uFEFFf,n\r\n'=1+1,-3\r\n", Text(file));
    }

    [Fact]
    public void A_failed_query_leaves_the_earlier_file_whole_and_nothing_beside_it()
    {
        var file = dir.File("rows.csv");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("query", Sql, "--db", db, "--out", file).Exit);
        var before = File.ReadAllBytes(file);

        // The error comes on the second row, after the header and a row have been written.
        var failed = CliRunner.Run("query", "select 1 / 0 as x union all select abs(-9223372036854775808)", "--db", db, "--out", file);

        Assert.Equal(ExitCodes.Failure, failed.Exit);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Equal([file], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Search_and_export_write_csv_files_with_a_byte_order_mark()
    {
        var hits = dir.File("hits.csv");
        var tasks = dir.File("tasks.csv");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("search", "城镇就业", "--db", db, "--rules", TestPaths.Rules, "--out", hits).Exit);
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("export", "--db", db, "-o", tasks).Exit);

        // Ordinal: a culture-aware comparison passes over the mark as if it were not there.
        Assert.StartsWith("\uFEFFissuer,series,issue,bulletin_date,as_of,number,field,departments,text\r\n", Text(hits), StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFidentity_id,series_id,series,", Text(tasks), StringComparison.Ordinal);
        Assert.StartsWith("identity_id,", CliRunner.Run("export", "--db", db, "--format", "csv").Out, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFidentity_id,", CliRunner.Run("export", "--db", db, "--format", "csv", "--bom").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_one_line_and_exit_1()
    {
        var (exit, _, error) = CliRunner.Run("query", Sql, "--db", db, "--out", dir.File("missing/rows.csv"));
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal($"extract: cannot write {dir.File("missing/rows.csv")}: there is no folder {dir.File("missing")}\n", error.ReplaceLineEndings("\n"));
    }

    /// <summary>The file's text with its byte-order mark, if any, kept (File.ReadAllText drops it).</summary>
    private static string Text(string file) => Encoding.UTF8.GetString(File.ReadAllBytes(file));

    /// <summary>One bulletin (三门峡 issue 11), ingested once for the tests of this class.</summary>
    public sealed class SeedDatabase : IDisposable
    {
        private readonly TempDirectory dir = new();

        public SeedDatabase()
        {
            Path = dir.File("seed.db");
            var (exit, _, error) = CliRunner.Run("ingest", TestPaths.CorpusFile("sanmenxia-2020-11.txt"), "--db", Path, "--rules", TestPaths.Rules);
            Assert.True(exit == ExitCodes.Ok, error);
        }

        public string Path { get; }

        public void Dispose() => dir.Dispose();
    }
}
