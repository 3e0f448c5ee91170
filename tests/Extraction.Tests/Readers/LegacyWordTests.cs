using System.Text.Json.Nodes;
using Extraction.Cli;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Readers;

/// <summary>
/// Corpus bulletins saved by LibreOffice as Word 97–2003 (.doc) and RTF, as an archive keeps
/// them, read through LibreOffice: every field comes out as it does from the .docx. The files
/// are made once for the class, at test time; without LibreOffice the tests are skipped.
/// </summary>
public sealed class LegacyWordTests(LegacyWordTests.SavedCorpus saved) : IClassFixture<LegacyWordTests.SavedCorpus>
{
    private const string ConversionWarningStart = "read from the .docx LibreOffice made of this";

    public static TheoryData<string, string> Files() => new()
    {
        { "sanmenxia-2020-11", "doc" },
        { "sanmenxia-2020-11", "rtf" },
        { "songqiao-county-2020-09", "doc" },
        { "songqiao-county-2020-09", "rtf" },
    };

    [LibreOfficeTheory]
    [MemberData(nameof(Files))]
    public void A_legacy_copy_of_a_corpus_docx_yields_every_field_of_the_docx(string name, string format)
    {
        var docx = Parse(TestPaths.CorpusFile(name + ".docx"));
        var legacy = Parse(saved.File(name, format));

        // The source says what was read and what the file is; the schema allows the extra field.
        Assert.Equal("docx", (string?)legacy["source"]!["format"]);
        Assert.Equal(format, (string?)legacy["source"]!["converted_from"]);
        Assert.Null(docx["source"]!["converted_from"]);
        Assert.Equal($"{ConversionWarningStart} .{format} file", (string?)legacy["warnings"]!.AsArray().Last());

        // Everything else is the .docx's, field for field.
        Assert.Equal(Comparable(docx).ToJsonString(), Comparable(legacy).ToJsonString());

        // Checked against the documents: 三门峡 第11期 of 2020-06-04 holds 22 tasks, 松桥县's bulletin of 2020-10-09 nine.
        var (tasks, date) = name.StartsWith("sanmenxia", StringComparison.Ordinal) ? (22, "2020-06-04") : (9, "2020-10-09");
        Assert.Equal(tasks, legacy["tasks"]!.AsArray().Count);
        Assert.Equal(date, (string?)legacy["bulletin"]!["date"]);
    }

    [LibreOfficeFact]
    public void Ingest_takes_doc_wps_and_rtf_files_from_a_folder_and_reads_each()
    {
        using var dir = new TempDirectory();
        var archive = Directory.CreateDirectory(dir.File("archive")).FullName;
        File.Copy(saved.File("sanmenxia-2020-11", "doc"), Path.Combine(archive, "sanmenxia.doc"));
        File.Copy(saved.File("sanmenxia-2020-11", "rtf"), Path.Combine(archive, "sanmenxia.rtf"));

        // WPS Writer's .wps files are Word 97–2003 files under another name.
        File.Copy(saved.File("songqiao-county-2020-09", "doc"), Path.Combine(archive, "songqiao.wps"));
        var db = dir.File("b.db");

        var (exit, _, error) = CliRunner.Run("ingest", archive, "--db", db, "--rules", TestPaths.Rules);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("3 added", error);
        Assert.Equal(
            "file_name,format,converted_from,status\r\nsanmenxia.doc,docx,doc,parsed\r\nsanmenxia.rtf,docx,rtf,parsed\r\nsongqiao.wps,docx,doc,parsed\r\n",
            CliRunner.Run("query", "select file_name, format, converted_from, status from source_documents order by file_name", "--db", db, "--format", "csv").Out);
        Assert.Equal("bulletins,tasks\r\n2,31\r\n", CliRunner.Run("query", "select (select count(*) from bulletins) as bulletins, (select count(*) from tasks) as tasks", "--db", db, "--format", "csv").Out);
    }

    [LibreOfficeFact]
    public void A_doc_marked_encrypted_fails_with_one_line_before_libreoffice_sees_it()
    {
        using var dir = new TempDirectory();
        var doc = File.ReadAllBytes(saved.File("sanmenxia-2020-11", "doc"));

        // The Word file information block opens a sector with its magic number EC A5; its
        // flags word, at 0x0A, holds fEncrypted (0x0100).
        var fib = Enumerable.Range(1, (doc.Length / 512) - 1).Select(s => s * 512).First(o => doc[o] == 0xEC && doc[o + 1] == 0xA5);
        doc[fib + 0x0B] |= 0x01;
        var path = dir.File("encrypted.doc");
        File.WriteAllBytes(path, doc);

        var (exit, output, error) = CliRunner.Run("parse", path, "--rules", TestPaths.Rules);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Empty(output);
        Assert.Equal($"extract: {path}: an encrypted Word file (.doc): it needs a password to open; save it again without one", error.TrimEnd());
    }

    private static JsonObject Parse(string path)
    {
        var (exit, output, error) = CliRunner.Run("parse", path, "--json", "--rules", TestPaths.Rules);
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Empty(SchemaValidator.Errors(output));
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>The document without its source (file name, hash, format) and without the warning that says it was converted.</summary>
    private static JsonObject Comparable(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("source");
        var warnings = copy["warnings"]!.AsArray();
        foreach (var converted in warnings.Where(w => ((string?)w)!.StartsWith(ConversionWarningStart, StringComparison.Ordinal)).ToList())
        {
            warnings.Remove(converted);
        }

        return copy;
    }

    /// <summary>The corpus .docx files saved by LibreOffice as .doc and as .rtf, once for the class.</summary>
    public sealed class SavedCorpus : IDisposable
    {
        private readonly TempDirectory dir = new();

        public SavedCorpus()
        {
            if (LibreOfficeTesting.Missing is not null)
            {
                return;
            }

            var sources = Files().Select(row => (string)row[0]).Distinct().Select(n => TestPaths.CorpusFile(n + ".docx")).ToArray();
            LibreOfficeTesting.SaveAs("doc", dir.Path, sources);
            LibreOfficeTesting.SaveAs("rtf", dir.Path, sources);
        }

        public string File(string name, string format) => dir.File($"{name}.{format}");

        public void Dispose() => dir.Dispose();
    }
}
