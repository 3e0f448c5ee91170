using System.Diagnostics;
using Dapper;
using Extraction.Storage;

namespace Extraction.Tests.Cli;

/// <summary>
/// What an archive from unknown hands does to a batch: every hostile file fails alone with a
/// one-line reason (or is read), the batch goes on, the database stays small and consistent.
/// </summary>
public sealed class UnattendedBatchTests
{
    private const string Bulletin = "关于2024年民生实事进展情况的通报\n\n1. 新增城镇就业3000人。\n\n进展情况：截至6月底，已完成1726人，完成率57.5%。\n";

    [Fact]
    public void Numbers_beyond_any_figure_are_no_figure_and_no_crash()
    {
        var (exit, output, error) = CliRunner.Run("figures", "99999999999999999万亿元，99999999999999999999999999999人，新增3.8万人");
        Assert.True(exit == 0, error);
        Assert.Contains("3.8万人", output);
        Assert.DoesNotContain("E+", output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Special_files_link_loops_and_hostile_files_fail_alone_and_the_batch_goes_on()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var dir = new TempDirectory();
        var archive = Directory.CreateDirectory(dir.File("archive")).FullName;
        File.WriteAllText(Path.Combine(archive, "good.txt"), Bulletin);
        File.WriteAllBytes(Path.Combine(archive, "invalid-byte.txt"), [.. System.Text.Encoding.UTF8.GetBytes(Bulletin), 0xFF]);
        File.WriteAllText(Path.Combine(archive, "nested.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "截至6月底，已完成80%。" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>");
        File.WriteAllText(Path.Combine(archive, "stray-closes.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "截至6月底，已完成80%。" + string.Concat(Enumerable.Repeat("</span>", 100_000)) + "</body></html>");
        File.WriteAllText(Path.Combine(archive, "long-paragraph.txt"), "关于民生实事进展情况的通报\n\n1. 新增城镇就业3000人。\n进展情况：" + string.Concat(Enumerable.Repeat("截至6月底，已完成1726人，完成率57.5%；\n", 3000)));
        File.CreateSymbolicLink(Path.Combine(archive, "zero.txt"), "/dev/zero");
        Directory.CreateDirectory(Path.Combine(archive, "loop"));
        Directory.CreateSymbolicLink(Path.Combine(archive, "loop", "up"), archive);
        Assert.Equal(0, Process.Start("mkfifo", Path.Combine(archive, "fifo.txt"))!.WaitForExitOrKill());

        var db = dir.File("b.db");
        var clock = Stopwatch.StartNew();
        var (exit, _, error) = CliRunner.Run("ingest", archive, "--db", db, "--rules", TestPaths.Rules);

        Assert.True(exit == 0, error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed}");
        Assert.Contains("fifo.txt  not a regular file", error);
        Assert.Contains("zero.txt  not a regular file", error);
        Assert.Contains("a folder already visited (a link loop)", error);
        Assert.Contains("5 files into", error);
        using var c = Database.OpenReadOnly(db);
        Assert.Equal(5, c.ExecuteScalar<long>("SELECT count(*) FROM source_documents WHERE status = 'parsed'"));
        Assert.Equal("新增城镇就业3000人。", c.ExecuteScalar<string>("SELECT t.text FROM tasks t JOIN source_documents s ON s.bulletin_id = t.bulletin_id WHERE s.file_name = 'invalid-byte.txt'"));
        Assert.Equal("1 invalid byte in the UTF-8 text replaced by �", c.ExecuteScalar<string>("SELECT w.message FROM warnings w JOIN source_documents s ON s.bulletin_id = w.bulletin_id WHERE s.file_name = 'invalid-byte.txt'"));
        Assert.True(new FileInfo(db).Length < 20 * 1024 * 1024, $"{new FileInfo(db).Length} bytes");
    }

    [Fact]
    public void A_file_over_the_size_or_time_limit_fails_with_the_limit_and_the_next_file_is_read()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a-big.txt"), Bulletin + new string('。', 40_000));
        File.WriteAllText(dir.File("b-good.txt"), Bulletin);
        var db = dir.File("b.db");

        var (exit, _, error) = CliRunner.Run("ingest", dir.File("a-big.txt"), dir.File("b-good.txt"), "--db", db, "--max-mb", "0.05", "--rules", TestPaths.Rules);
        Assert.True(exit == 0, error);
        Assert.Contains("files over 0.05 MB are not read (the limit; --max-mb to change it)", error);
        Assert.Contains("1 added", error);

        var (_, _, slow) = CliRunner.Run("ingest", dir.File("b-good.txt"), "--db", dir.File("c.db"), "--max-seconds", "0.0001", "--rules", TestPaths.Rules);
        Assert.Contains("took longer than 0 s to parse (the limit; --max-seconds to change it)", slow);
        Assert.Contains("1 failed", slow);

        // Running out of time is no verdict on the file: given the time, the next ingest reads it.
        var (_, _, again) = CliRunner.Run("ingest", dir.File("b-good.txt"), "--db", dir.File("c.db"), "--rules", TestPaths.Rules);
        Assert.Contains("1 updated", again);
        Assert.Contains("0 failed", again);
    }

    [Fact]
    public void A_pdf_whose_streams_expand_to_gigabytes_is_refused_before_it_is_inflated()
    {
        using var dir = new TempDirectory();
        var pdf = dir.File("bomb.pdf");
        File.WriteAllBytes(pdf, BombPdf(100 * 1024 * 1024));

        var (exit, _, error) = CliRunner.Run("parse", pdf);

        Assert.Equal(1, exit);
        Assert.Contains("expand beyond 64 MB (a decompression bomb?)", error);
    }

    /// <summary>A well-formed one-page PDF whose content stream inflates to <paramref name="bytes"/> of text operations.</summary>
    private static byte[] BombPdf(int bytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var line = System.Text.Encoding.ASCII.GetBytes("BT /F1 12 Tf 72 712 Td (x) Tj ET\n");
            for (var written = 0; written < bytes; written += line.Length)
            {
                zlib.Write(line);
            }
        }

        var data = compressed.ToArray();
        var ascii = System.Text.Encoding.ASCII;
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
            null!, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        ];
        using var pdf = new MemoryStream();
        pdf.Write(ascii.GetBytes("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(ascii.GetBytes($"{i + 1} 0 obj\n"));
            if (objects[i] is null)
            {
                pdf.Write(ascii.GetBytes($"<</Length {data.Length}/Filter/FlateDecode>>stream\n"));
                pdf.Write(data);
                pdf.Write(ascii.GetBytes("\nendstream"));
            }
            else
            {
                pdf.Write(ascii.GetBytes(objects[i]));
            }

            pdf.Write(ascii.GetBytes("\nendobj\n"));
        }

        var xref = pdf.Position;
        pdf.Write(ascii.GetBytes("xref\n0 6\n0000000000 65535 f \n" + string.Concat(offsets.Select(o => $"{o:D10} 00000 n \n"))));
        pdf.Write(ascii.GetBytes($"trailer<</Size 6/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF"));
        return pdf.ToArray();
    }

    [Fact]
    public void An_empty_folder_and_a_folder_of_failures_end_with_a_summary()
    {
        using var dir = new TempDirectory();
        var empty = Directory.CreateDirectory(dir.File("empty")).FullName;
        var (exit, _, error) = CliRunner.Run("ingest", empty, "--db", dir.File("e.db"), "--rules", TestPaths.Rules);
        Assert.True(exit == 0, error);
        Assert.Contains("0 files into", error);

        File.WriteAllBytes(dir.File("x.txt"), []);
        (exit, _, error) = CliRunner.Run("ingest", dir.File("x.txt"), "--db", dir.File("f.db"), "--rules", TestPaths.Rules);
        Assert.True(exit == 0, error);
        Assert.Contains("1 failed", error);
    }

    [Fact]
    public void A_path_holds_what_its_current_content_says_and_prune_forgets_files_that_are_gone()
    {
        using var dir = new TempDirectory();
        var file = dir.File("b.txt");
        var db = dir.File("b.db");
        string Ingest(params string[] extra) => CliRunner.Run(["ingest", file, "--db", db, "--rules", TestPaths.Rules, .. extra]).Error;
        long Count(string sql)
        {
            using var c = Database.OpenReadOnly(db);
            return c.ExecuteScalar<long>(sql);
        }

        File.WriteAllText(file, "某县民生实事专项督查快报\n第8期\n某县人民政府督查室    2024年7月5日\n\n" + Bulletin);
        Ingest();
        File.WriteAllText(file, "某县民生实事专项督查快报\n第9期\n某县人民政府督查室    2024年7月5日\n\n" + Bulletin);
        Ingest();
        Assert.Equal(1, Count("SELECT count(*) FROM bulletins"));
        Assert.Equal(9, Count("SELECT issue FROM bulletins"));

        File.WriteAllText(file, "某县民生实事专项督查快报\n第8期\n某县人民政府督查室    2024年7月5日\n\n" + Bulletin);
        Ingest();
        Assert.Equal(8, Count("SELECT issue FROM bulletins"));

        File.Delete(file);
        Assert.Contains("pruned: 1 files", CliRunner.Run("ingest", dir.Path, "--db", db, "--prune", "--rules", TestPaths.Rules).Error);
        Assert.Equal(0, Count("SELECT count(*) FROM bulletins"));
    }

    [Fact]
    public void Query_runs_one_statement_that_reads_and_writes_nothing_anywhere()
    {
        using var dir = new TempDirectory();
        var db = dir.File("b.db");
        File.WriteAllText(dir.File("b.txt"), Bulletin);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("b.txt"), "--db", db, "--rules", TestPaths.Rules).Exit);

        Assert.Contains("one statement only", CliRunner.Run("query", "select 1; delete from tasks", "--db", db).Error);
        Assert.Contains("query refused", CliRunner.Run("query", $"VACUUM INTO '{dir.File("copy.db")}'", "--db", db).Error);
        Assert.Contains("query refused", CliRunner.Run("query", $"ATTACH '{dir.File("new.db")}' AS x", "--db", db).Error);
        Assert.Contains("query refused", CliRunner.Run("query", "pragma journal_mode = delete", "--db", db).Error);
        Assert.False(File.Exists(dir.File("copy.db")) || File.Exists(dir.File("new.db")));
        var (exit, _, error) = CliRunner.Run("query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", "--db", db, "--timeout", "0.5");
        Assert.Equal(1, exit);
        Assert.Contains("query stopped after 0.5 s", error);
        Assert.Equal(1, CliRunner.Run("query", "select count(*) from tasks", "--db", db, "--format", "csv").Out.Split("\r\n")[1].Length);
    }

    [Fact]
    public void A_reader_holding_the_database_does_not_stop_an_ingest_and_a_second_ingest_is_refused()
    {
        using var dir = new TempDirectory();
        var db = dir.File("b.db");
        File.WriteAllText(dir.File("a.txt"), Bulletin);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("a.txt"), "--db", db, "--rules", TestPaths.Rules).Exit);

        using (var reader = Database.OpenReadOnly(db))
        using (var read = reader.BeginTransaction())
        {
            reader.ExecuteScalar<long>("SELECT count(*) FROM tasks", transaction: read);
            File.WriteAllText(dir.File("b.txt"), Bulletin.Replace("3000人", "4000人", StringComparison.Ordinal));
            var (exit, _, error) = CliRunner.Run("ingest", dir.File("b.txt"), "--db", db, "--rules", TestPaths.Rules);
            Assert.True(exit == 0, error);
        }

        using var writer = WriterLock.Acquire(db);
        var (refused, _, message) = CliRunner.Run("ingest", dir.File("a.txt"), "--db", db, "--rules", TestPaths.Rules);
        Assert.Equal(1, refused);
        Assert.Contains("another ingest is writing to", message);
    }

    [Fact]
    public void Csv_cells_that_would_run_as_formulas_are_neutralised_and_numbers_stay_numbers()
    {
        using var dir = new TempDirectory();
        var db = dir.File("b.db");
        File.WriteAllText(dir.File("b.txt"), Bulletin);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("b.txt"), "--db", db, "--rules", TestPaths.Rules).Exit);

        var output = CliRunner.Run("query", "select '=HYPERLINK(\"x\")' a, '+1' b, '@x' c, -3 d, '-' e", "--db", db, "--format", "csv").Out;
        Assert.Equal("'=HYPERLINK(\"x\"),'+1,'@x,-3,'-", output.Split("\r\n")[1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim('"').Replace("\"'", "'", StringComparison.Ordinal).Replace("\",", ",", StringComparison.Ordinal));
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitOrKill(this Process process)
    {
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
        }

        return process.ExitCode;
    }
}
