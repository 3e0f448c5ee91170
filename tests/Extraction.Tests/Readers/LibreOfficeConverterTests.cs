using System.Diagnostics;
using Extraction.Cli;
using Extraction.Model;
using Extraction.Readers;
using Extraction.Readers.Office;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Readers;

/// <summary>
/// How a legacy file fares whatever LibreOffice does: missing, hanging, failing, or converting.
/// Shell scripts stand in for soffice, so these run without LibreOffice.
/// </summary>
[Collection(SofficeEnvironmentCollection.Name)]
public sealed class LibreOfficeConverterTests : IDisposable
{
    private const string Bulletin = "关于2024年民生实事进展情况的通报\n\n1. 新增城镇就业3000人。\n\n进展情况：截至6月底，已完成1726人，完成率57.5%。\n";

    private const string InstallHint =
        "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows, macOS: https://www.libreoffice.org/download/) or set EXTRACTION_SOFFICE to its soffice";

    /// <summary>A Word 97 file as far as the format detector looks: what happens next is the converter's.</summary>
    private static readonly byte[] WordFile = CompoundFileBuilder.Build(("WordDocument", CompoundFileBuilder.WordFib(flags: 0)), ("1Table", new byte[4096]));

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [LinuxFact]
    public void Without_libreoffice_a_doc_fails_with_one_line_naming_the_file_and_how_to_install_it()
    {
        var doc = dir.File("legacy.doc");
        File.WriteAllBytes(doc, WordFile);
        var nowhere = Directory.CreateDirectory(dir.File("empty-path")).FullName;

        using (new EnvironmentOverride(LibreOfficeLocator.EnvironmentVariable, dir.File("no-such-soffice")))
        {
            Assert.Equal(
                $"extract: {doc}: a Word 97–2003 or WPS file (.doc/.wps) is read through LibreOffice, and EXTRACTION_SOFFICE names {dir.File("no-such-soffice")}, which does not exist: {InstallHint}",
                FailureLine("parse", doc, "--rules", TestPaths.Rules));
        }

        using (new EnvironmentOverride(LibreOfficeLocator.EnvironmentVariable, null))
        using (new EnvironmentOverride("PATH", nowhere))
        {
            Assert.Equal(
                $"extract: {doc}: a Word 97–2003 or WPS file (.doc/.wps) is read through LibreOffice, and soffice was not found on PATH: {InstallHint}",
                FailureLine("parse", doc, "--rules", TestPaths.Rules));
        }
    }

    [LinuxFact]
    public void A_doc_that_waited_for_libreoffice_fails_alone_and_is_read_once_it_is_installed()
    {
        var archive = Directory.CreateDirectory(dir.File("archive")).FullName;
        File.WriteAllBytes(Path.Combine(archive, "legacy.doc"), WordFile);
        File.WriteAllText(Path.Combine(archive, "good.txt"), Bulletin);
        var db = dir.File("b.db");

        using (new EnvironmentOverride(LibreOfficeLocator.EnvironmentVariable, dir.File("no-such-soffice")))
        {
            var (exit, _, error) = CliRunner.Run("ingest", archive, "--db", db, "--rules", TestPaths.Rules);
            Assert.True(exit == ExitCodes.Ok, error);
            Assert.Contains("1 added", error);
            Assert.Contains("1 failed", error);
            Assert.Contains("a Word 97–2003 or WPS file (.doc/.wps) is read through LibreOffice, and EXTRACTION_SOFFICE names", CliRunner.Run("query", "select error from source_documents where file_name = 'legacy.doc'", "--db", db, "--format", "csv").Out);
        }

        var soffice = LibreOfficeTesting.CopyingSoffice(dir.Path, TestPaths.CorpusFile("sanmenxia-2020-11.docx"), dir.File("arguments"));
        using (new EnvironmentOverride(LibreOfficeLocator.EnvironmentVariable, soffice))
        {
            var (exit, _, error) = CliRunner.Run("ingest", archive, "--db", db, "--rules", TestPaths.Rules);
            Assert.True(exit == ExitCodes.Ok, error);
            Assert.Contains("legacy.doc  22 tasks", error);
            Assert.Contains("0 added, 1 updated, 1 unchanged, 0 failed", error);
            Assert.Equal("format,converted_from,status\r\ndocx,doc,parsed\r\n", CliRunner.Run("query", "select format, converted_from, status from source_documents where file_name = 'legacy.doc'", "--db", db, "--format", "csv").Out);
        }
    }

    [LinuxFact]
    public void A_conversion_past_the_ingest_time_limit_is_killed_with_its_children_and_its_file_fails_alone()
    {
        var archive = Directory.CreateDirectory(dir.File("archive")).FullName;
        File.WriteAllBytes(Path.Combine(archive, "a-slow.doc"), WordFile);
        File.WriteAllText(Path.Combine(archive, "b-good.txt"), Bulletin);
        var (soffice, child) = SleepingSoffice();
        var clock = Stopwatch.StartNew();

        using (new EnvironmentOverride(LibreOfficeLocator.EnvironmentVariable, soffice))
        {
            var (exit, _, error) = CliRunner.Run("ingest", archive, "--db", dir.File("b.db"), "--max-seconds", "2", "--rules", TestPaths.Rules);

            Assert.True(exit == ExitCodes.Ok, error);
            Assert.Contains("a-slow.doc", error);
            Assert.Contains("took longer than 2 s to parse (the limit; --max-seconds to change it)", error);
            Assert.Contains("1 added", error);
            Assert.Contains("1 failed", error);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the batch took {clock.Elapsed}");
        AssertEnds(child());
    }

    [LinuxFact]
    public void A_conversion_past_the_converters_own_time_limit_is_killed_and_says_so()
    {
        var (soffice, child) = SleepingSoffice();
        var clock = Stopwatch.StartNew();

        var (docx, error) = new LibreOfficeConverter(soffice, TimeSpan.FromSeconds(1)).ToDocx(WordFile, LegacyFormat.Doc);

        Assert.Null(docx);
        Assert.Equal("LibreOffice took longer than 1 s to convert it (stopped)", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"the conversion took {clock.Elapsed}");
        AssertEnds(child());
    }

    [LinuxFact]
    public void Each_conversion_runs_headless_in_a_profile_of_its_own_that_is_deleted_afterwards()
    {
        var docx = TestPaths.CorpusFile("sanmenxia-2020-11.docx");
        var soffice = LibreOfficeTesting.CopyingSoffice(dir.Path, docx, dir.File("arguments"));
        var readers = DocumentReaders.For(TestPaths.RuleSet, new LibreOfficeConverter(soffice, TimeSpan.FromSeconds(20)));

        var first = readers.Read(WordFile);
        var second = readers.Read("{\\rtf1\\ansi x}"u8.ToArray());

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(SourceFormat.Docx, first.Document!.Format);
        Assert.Equal(LegacyFormat.Doc, first.Document.ConvertedFrom);
        Assert.Equal(["read from the .docx LibreOffice made of this .doc file"], first.Document.Warnings);
        Assert.Equal(readers.Read(File.ReadAllBytes(docx)).Document!.Paragraphs, first.Document.Paragraphs);
        Assert.Equal(LegacyFormat.Rtf, second.Document!.ConvertedFrom);

        var arguments = File.ReadAllLines(dir.File("arguments"));
        Assert.Equal(2, arguments.Count(a => a == "--headless"));
        Assert.Equal(2, arguments.Count(a => a == "docx:MS Word 2007 XML"));
        var profiles = arguments.Where(a => a.StartsWith("-env:UserInstallation=file:///", StringComparison.Ordinal))
            .Select(a => new Uri(a["-env:UserInstallation=".Length..]).LocalPath).ToList();
        Assert.Equal(2, profiles.Distinct().Count());
        Assert.All(profiles, p => Assert.False(Directory.Exists(Path.GetDirectoryName(p)), $"{p} was left behind"));
    }

    [LinuxFact]
    public void A_file_libreoffice_cannot_convert_fails_with_what_soffice_said()
    {
        var soffice = LibreOfficeTesting.FakeSoffice(dir.Path, "echo 'Warning: failed to launch javaldx - java may not function correctly' >&2\necho 'Error: source file could not be loaded'\nexit 0");

        var read = DocumentReaders.For(TestPaths.RuleSet, new LibreOfficeConverter(soffice, TimeSpan.FromSeconds(20))).Read(WordFile);

        Assert.Equal("LibreOffice could not convert it to .docx (exit code 0: Error: source file could not be loaded)", read.Error);
    }

    /// <summary>A stand-in for soffice that starts a child and waits for it, as soffice's launcher does: the child's id is known once it has started.</summary>
    private (string Soffice, Func<int> Child) SleepingSoffice()
    {
        var pidFile = dir.File("child.pid");
        var soffice = LibreOfficeTesting.FakeSoffice(dir.Path, $"sleep 60 &\necho $! > '{pidFile}'\nwait");
        return (soffice, () => int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The process is gone within a few seconds (the kill runs on the abandoned parse's thread); a zombie left for its reaper is gone too.</summary>
    private static void AssertEnds(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (Runs(pid) && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(50);
        }

        Assert.False(Runs(pid), $"soffice's child {pid} still runs");

        static bool Runs(int pid)
        {
            try
            {
                // /proc/PID/stat: "PID (name) STATE …"
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    private static string FailureLine(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Empty(output);
        return Assert.Single(error.TrimEnd().Split('\n'));
    }
}
