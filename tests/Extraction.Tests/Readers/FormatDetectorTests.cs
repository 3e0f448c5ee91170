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
        var (format, error) = FormatDetector.Detect(bytes);
        Assert.Null(format);
        Assert.Contains("unknown format", error);
    }

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
