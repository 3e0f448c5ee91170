using System.IO.Compression;
using System.Text;
using Extraction.Model;
using Extraction.Readers;

namespace Extraction.Tests.Readers;

public sealed class FormatDetectorTests
{
    [Fact]
    public void An_empty_file_is_refused() => Assert.Equal("empty file", FormatDetector.Detect([]).Error);

    [Fact]
    public void A_pdf_is_known_by_its_header_whatever_it_is_called() =>
        Assert.Equal(SourceFormat.Pdf, FormatDetector.Detect(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj")).Format);

    [Fact]
    public void Html_is_known_by_its_markup() =>
        Assert.Equal(SourceFormat.Html, FormatDetector.Detect(Encoding.ASCII.GetBytes("  <!DOCTYPE html><html><body>x</body></html>")).Format);

    [Fact]
    public void A_zip_with_a_word_document_part_is_docx()
    {
        Assert.Equal(SourceFormat.Docx, FormatDetector.Detect(Zip("word/document.xml")).Format);
        Assert.Contains("not a Word document", FormatDetector.Detect(Zip("xl/workbook.xml")).Error);
    }

    [Fact]
    public void Random_bytes_are_an_unknown_format()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var (format, error, _) = FormatDetector.Detect(bytes);
        Assert.Null(format);
        Assert.Contains("unknown format", error);
    }

    [Fact]
    public void A_word_97_file_is_converted_to_docx_before_it_is_read()
    {
        var detected = FormatDetector.Detect(CompoundFileBuilder.Build(("WordDocument", CompoundFileBuilder.WordFib(flags: 0)), ("1Table", new byte[4096])));

        Assert.Equal(new Detection(SourceFormat.Docx, null, LegacyFormat.Doc), detected);
    }

    [Fact]
    public void An_encrypted_word_97_file_is_refused_as_encrypted_before_any_conversion()
    {
        var detected = FormatDetector.Detect(CompoundFileBuilder.Build(("WordDocument", CompoundFileBuilder.WordFib(flags: 0x0100)), ("1Table", new byte[4096])));

        Assert.Null(detected.Format);
        Assert.Null(detected.ConvertFrom);
        Assert.Equal("an encrypted Word file (.doc): it needs a password to open; save it again without one", detected.Error);
    }

    [Fact]
    public void A_password_protected_docx_spreadsheets_and_damaged_ole_files_are_refused_each_with_its_reason()
    {
        Assert.Contains("an encrypted Office file", FormatDetector.Detect(CompoundFileBuilder.Build(("EncryptionInfo", new byte[4096]), ("EncryptedPackage", new byte[4096]))).Error);
        Assert.Contains("a spreadsheet (.xls/.et)", FormatDetector.Detect(CompoundFileBuilder.Build(("Workbook", new byte[4096]))).Error);
        Assert.Contains("a spreadsheet (.xls/.et)", FormatDetector.Detect(CompoundFileBuilder.Build(("Book", new byte[4096]))).Error);
        Assert.Contains("not a Word document", FormatDetector.Detect(CompoundFileBuilder.Build(("PowerPoint Document", new byte[4096]))).Error);
        Assert.Contains("damaged Word file", FormatDetector.Detect(CompoundFileBuilder.Build(("WordDocument", new byte[4096]))).Error);
        Assert.Contains("damaged Office file", FormatDetector.Detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]).Error);

        var truncated = CompoundFileBuilder.Build(("WordDocument", CompoundFileBuilder.WordFib(flags: 0)));
        Assert.Contains("damaged Office file", FormatDetector.Detect(truncated[..1024]).Error);
    }

    [Theory]
    [InlineData("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}}\\f0 \\u19987?\\u39033? \\par}")]
    [InlineData("\uFEFF\r\n{\\rtf1\\ansi x}")]
    public void Rtf_is_converted_to_docx_not_read_as_text(string rtf) =>
        Assert.Equal(new Detection(SourceFormat.Docx, null, LegacyFormat.Rtf), FormatDetector.Detect(Encoding.UTF8.GetBytes(rtf)));

    private static byte[] Zip(string part)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write("<x/>");
        }

        return stream.ToArray();
    }
}
