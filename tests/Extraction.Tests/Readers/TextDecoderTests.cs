using System.Text;
using Extraction.Model;
using Extraction.Readers;
using Extraction.Readers.Text;

namespace Extraction.Tests.Readers;

/// <summary>The seed text in every encoding an archive holds reads back the same, character for character.</summary>
public sealed class TextDecoderTests
{
    private static readonly string Seed = File.ReadAllText(TestPaths.CorpusFile("sanmenxia-2020-11.txt"), new UTF8Encoding(false, true));

    public static TheoryData<string> Encodings() => ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-16be", "gb18030"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Seed_decodes_identically(string encoding)
    {
        var bytes = Encode(Seed, encoding);

        var text = TextDecoder.Decode(bytes, out _);

        Assert.Equal(Seed, text);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Seed_is_detected_as_text_whatever_its_encoding(string encoding)
    {
        var (format, error, _) = FormatDetector.Detect(Encode(Seed, encoding));
        Assert.Null(error);
        Assert.Equal(SourceFormat.Txt, format);
    }

    [Fact]
    public void Gb18030_is_told_from_its_bytes_not_its_name()
    {
        var bytes = TextDecoder.Gb18030.GetBytes("截至5月底，全市新增城镇就业19572人。");
        Assert.Equal("截至5月底，全市新增城镇就业19572人。", TextDecoder.Decode(bytes, out var name));
        Assert.Equal("gb18030", name, ignoreCase: true);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void A_stray_zero_byte_does_not_make_a_file_utf_16(string encoding)
    {
        var bytes = Encode(Seed, encoding).ToList();
        bytes.Insert(bytes.IndexOf((byte)'\n', bytes.Count / 2) + 1, 0);

        var text = TextDecoder.Decode([.. bytes], out var name);

        Assert.Equal(encoding, name, ignoreCase: true);
        Assert.Equal(Seed.Length + 1, text.Length);
        Assert.Contains("全市新增城镇就业19572人", text);
    }

    [Fact]
    public void Paragraphs_are_the_non_blank_lines_trimmed()
    {
        var paragraphs = TextDocumentReader.SplitParagraphs("\uFEFF  专项督查快报\r\n\r\n第 11 期\n\u3000\u3000三门峡市人民政府督查室\u3000\n\n\n");
        Assert.Equal(["专项督查快报", "第 11 期", "三门峡市人民政府督查室"], paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void A_file_of_blank_lines_is_refused_with_a_reason()
    {
        var result = new TextDocumentReader().Read(Encoding.UTF8.GetBytes("\n\n   \n"));
        Assert.False(result.Succeeded);
        Assert.Contains("no text", result.Error);
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "gb18030" => TextDecoder.Gb18030.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
