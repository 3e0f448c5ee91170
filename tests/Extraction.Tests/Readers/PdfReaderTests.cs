using System.Text.RegularExpressions;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Pipeline.Scoring;
using Extraction.Readers;
using Extraction.Readers.Pdf;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Extraction.Tests.Readers;

/// <summary>The PDF reader on the seed bulletin as LibreOffice prints it, on the broken PDFs of corpus/bad, and on PDFs made here.</summary>
public sealed class PdfReaderTests
{
    private static readonly Lazy<RawDocument> Seed = new(() => ReadCorpus("sanmenxia-2020-11.pdf"));

    private static IEnumerable<string> SeedParagraphs => Seed.Value.Paragraphs.Select(p => p.Text);

    [Fact]
    public void Sanmenxia2020_11_Pdf_has_ten_pages() => Assert.Equal(10, Seed.Value.Pages);

    [Fact]
    public void Sanmenxia2020_11_Pdf_title_printed_on_two_centred_lines_is_one_paragraph()
    {
        Assert.Contains("2020年省、市重点民生实事进展情况督查报告", SeedParagraphs);
        Assert.DoesNotContain("进展情况督查报告", SeedParagraphs);
    }

    [Fact]
    public void Sanmenxia2020_11_Pdf_masthead_lines_stay_apart()
    {
        var paragraphs = SeedParagraphs.Take(4).ToList();
        Assert.Equal(["专项督查快报", "第11期", "三门峡市人民政府督查室", "2020年6月4日"], paragraphs);
    }

    [Fact]
    public void Sanmenxia2020_11_Pdf_task_opens_with_its_number_despite_the_tab_gap()
    {
        var task = Assert.Single(SeedParagraphs, p => p.StartsWith('1') && p.Contains("深入实施就业优先政策", StringComparison.Ordinal));
        Assert.Matches(@"^1\. ?深入实施就业优先政策，重点做好高校毕业生、退役军人、下岗职工", task);
        Assert.EndsWith("确保全市新增城镇就业3.8万人。", task);
    }

    [Fact]
    public void Sanmenxia2020_11_Pdf_has_no_page_numbers()
    {
        foreach (var paragraph in SeedParagraphs)
        {
            Assert.DoesNotMatch(@"[—-]\s*\d+\s*[—-]", paragraph);
        }
    }

    [Fact]
    public void Sanmenxia2020_11_Pdf_drops_the_spacing_between_chinese_and_digits()
    {
        Assert.Contains(SeedParagraphs, p => p.Contains("3.8万人", StringComparison.Ordinal));
        Assert.Contains("2020年6月4日", SeedParagraphs);
        Assert.DoesNotContain(SeedParagraphs, p => Regex.IsMatch(p, @"[\p{IsCJKUnifiedIdeographs}，。：；、]\s|\s[\p{IsCJKUnifiedIdeographs}，。：；、]"));
    }

    [Fact]
    public void Sanmenxia2020_11_Pdf_joins_paragraphs_and_words_across_page_breaks()
    {
        // "涵|洞通道" breaks a word between pages 2 and 3; "26|所" a sentence between pages 4 and 5.
        Assert.Contains(SeedParagraphs, p => p.Contains("其中路基土石方、涵洞通道、桥梁下部累计完成100%", StringComparison.Ordinal));
        Assert.Contains(SeedParagraphs, p => p.StartsWith("9.", StringComparison.Ordinal) && p.Contains("2020年为全市26所中小学校", StringComparison.Ordinal));
        var labels = SeedParagraphs.Where(p => p.StartsWith("主要责任部门：", StringComparison.Ordinal)).ToList();
        Assert.Equal(22, labels.Count);
        Assert.DoesNotContain(labels, l => l.Contains("进展情况", StringComparison.Ordinal));
    }

    [Fact]
    public void Sanmenxia2020_11_Pdf_paragraphs_know_their_page()
    {
        var paragraphs = Seed.Value.Paragraphs;
        Assert.Equal(1, paragraphs[0].Page);
        Assert.Equal(10, paragraphs[^1].Page);
        Assert.True(paragraphs.Zip(paragraphs.Skip(1)).All(p => p.First.Page <= p.Second.Page));
    }

    [Theory]
    [InlineData("sanmenxia-2020-11.pdf")]
    [InlineData("sanmenxia-2020-11.restricted.pdf")]
    public void Seed_pdf_parses_to_the_golden_file(string file)
    {
        var gold = BulletinJson.Deserialize(File.ReadAllText(TestPaths.CorpusFile("expected/sanmenxia-2020-11.json")));
        var outcome = new BulletinParser(TestPaths.RuleBook).ParseFile(TestPaths.CorpusFile(file));
        Assert.True(outcome.Succeeded, outcome.Error);

        var score = GoldenComparer.Compare(file, gold, outcome.Bulletin!);

        Assert.True(score.Differences.Count == 0, string.Join(Environment.NewLine, score.Differences));
        Assert.Equal(gold.Warnings, outcome.Bulletin!.Warnings);
        Assert.Equal(SourceFormat.Pdf, outcome.Bulletin.Source.Format);
        Assert.Equal(10, outcome.Bulletin.Source.Pages);
    }

    // The text-layer reader alone; DocumentReaders passes such a file on to OCR (OcrReaderTests).
    [Fact]
    public void A_scanned_page_has_no_text_layer()
    {
        var result = new PdfDocumentReader().Read(File.ReadAllBytes(TestPaths.CorpusFile("../scans/scanned-page.pdf")));
        Assert.Equal("no text layer (scanned image?)", result.Error);
    }

    [Fact]
    public void A_user_password_is_reported_as_encryption()
    {
        var error = ReadFailure("bad/encrypted.pdf");
        Assert.Contains("encrypted", error);
        Assert.Contains("password", error);
    }

    [Fact]
    public void A_truncated_pdf_is_reported_as_damaged() => Assert.Contains("damaged", ReadFailure("bad/truncated.pdf"));

    [Theory]
    [InlineData("%PDF-1.7\n")]
    [InlineData("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF")]
    public void Garbage_behind_a_pdf_header_is_damaged_not_an_exception(string content)
    {
        var result = DocumentReaders.For(TestPaths.RuleBook.Common).Read(System.Text.Encoding.ASCII.GetBytes(content));
        Assert.False(result.Succeeded);
        Assert.Contains("PDF", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void A_blank_page_has_no_text_layer()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        Assert.Equal(PdfDocumentReader.NoTextLayer, new PdfDocumentReader().Read(builder.Build()).Error);
    }

    [Fact]
    public void Made_pdf_footers_go_and_a_paragraph_runs_on_over_the_page_break()
    {
        // Courier 12 pt: 7.2 pt a character, a 60-character column from x = 72.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Courier);
        var page1 = builder.AddPage(PageSize.A4);
        page1.AddText(Words(56), 12, new PdfPoint(72 + (4 * 7.2), 700), font);
        page1.AddText(Words(60), 12, new PdfPoint(72, 682), font);
        page1.AddText(Words(60), 12, new PdfPoint(72, 664), font);
        page1.AddText("- 1 -", 12, new PdfPoint(270, 40), font);
        var page2 = builder.AddPage(PageSize.A4);
        page2.AddText(Words(60), 12, new PdfPoint(72, 700), font);
        page2.AddText("end of it.", 12, new PdfPoint(72, 682), font);
        page2.AddText(Words(30), 12, new PdfPoint(72 + (4 * 7.2), 664), font);
        page2.AddText("- 2 -", 12, new PdfPoint(270, 40), font);

        var result = new PdfDocumentReader().Read(builder.Build());

        Assert.True(result.Succeeded, result.Error);
        var paragraphs = result.Document!.Paragraphs;
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal($"{Words(56)} {Words(60)} {Words(60)} {Words(60)} end of it.", paragraphs[0].Text);
        Assert.Equal((1, 2), (paragraphs[0].Page ?? 0, paragraphs[1].Page ?? 0));
        Assert.Equal(2, result.Document.Pages);
    }

    [Fact]
    public void Made_pdf_ruled_table_is_read_row_by_row()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Progress of the year", 12, new PdfPoint(100, 760), font);
        double[] xs = [72, 120, 300, 520];
        double[] ys = [740, 710, 660, 630];
        foreach (var y in ys)
        {
            page.DrawLine(new PdfPoint(xs[0], y), new PdfPoint(xs[^1], y), 0.5);
        }

        foreach (var x in xs)
        {
            page.DrawLine(new PdfPoint(x, ys[0]), new PdfPoint(x, ys[^1]), 0.5);
        }

        page.AddText("No.", 10, new PdfPoint(76, 722), font);
        page.AddText("Task", 10, new PdfPoint(124, 722), font);
        page.AddText("Progress", 10, new PdfPoint(304, 722), font);
        page.AddText("1", 10, new PdfPoint(76, 692), font);
        page.AddText("Build roads", 10, new PdfPoint(124, 692), font);
        page.AddText("Half of the", 10, new PdfPoint(304, 692), font);
        page.AddText("work is done", 10, new PdfPoint(304, 678), font);
        page.AddText("2", 10, new PdfPoint(76, 642), font);
        page.AddText("Plant trees", 10, new PdfPoint(124, 642), font);
        page.AddText("Next year ends the work on the trees in the city.", 12, new PdfPoint(100, 600), font);

        var result = new PdfDocumentReader().Read(builder.Build());

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            ["Progress of the year", "No. | Task | Progress", "1 | Build roads | Half of the work is done", "2 | Plant trees |", "Next year ends the work on the trees in the city."],
            result.Document!.Paragraphs.Select(p => p.Text));
    }

    // Exactly `length` characters of Latin words, ending in a letter.
    private static string Words(int length)
    {
        var text = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt"[..length];
        return text.EndsWith(' ') ? text[..^1] + "x" : text;
    }

    private static RawDocument ReadCorpus(string file)
    {
        var result = new PdfDocumentReader().Read(File.ReadAllBytes(TestPaths.CorpusFile(file)));
        Assert.True(result.Succeeded, result.Error);
        return result.Document!;
    }

    private static string ReadFailure(string file)
    {
        var result = DocumentReaders.For(TestPaths.RuleBook.Common).Read(File.ReadAllBytes(TestPaths.CorpusFile(file)));
        Assert.False(result.Succeeded);
        Assert.DoesNotContain('\n', result.Error!);
        return result.Error!;
    }
}

/// <summary>
/// Line and paragraph geometry on synthetic glyphs and lines: a 16 pt Chinese body set on a
/// 28-character column from x = 80 to 528, 28 pt apart, first lines indented two characters.
/// </summary>
public sealed class PdfGeometryTests
{
    private const double Size = 16;
    private const double Flush = 80;
    private const double Indent = 112;
    private const double Pitch = 28;

    [Theory]
    [InlineData("2020|+0.2|年|+0.2|6|+0.2|月", "2020年6月")] // LibreOffice's autospace between Chinese and digits
    [InlineData("第| |11| |期", "第11期")] // space characters beside Chinese
    [InlineData("hello| |world", "hello world")]
    [InlineData("hello|+0.3|world", "hello world")] // a word gap without a space character
    [InlineData("AO|池", "AO池")]
    [InlineData("1.|+1.2|深入", "1.深入")] // the tab after an automatic number
    [InlineData("三门峡市人民政府督查室|+6|2020年6月4日", "三门峡市人民政府督查室            2020年6月4日")] // issuer left, date right: a column gap stays as wide as it is (6 sizes, 12 half sizes)
    [InlineData("三|+2|门|+2|峡|+2|市|+2|人|+2|民", "三门峡市人民")] // spread to a fixed width
    [InlineData("PM2.5| |浓度", "PM2.5浓度")]
    [InlineData("浓|+0.3|度|+0.3|P|+0.3|M|+0.3|2|+0.3|.|+0.3|5|+0.3|下|+0.3|降", "浓度PM2.5下降")] // justified: every glyph spread
    public void Spacing_within_a_line(string runs, string expected)
    {
        var lines = PdfLineBuilder.Build(Pen(runs, 700));
        Assert.Equal(expected, Assert.Single(lines).Text);
    }

    [Fact]
    public void Fake_bold_printed_twice_is_read_once()
    {
        var glyphs = Pen("重点民生", 700).SelectMany(g => new[] { g, g with { Left = g.Left + 0.3, Right = g.Right + 0.3 } });
        Assert.Equal("重点民生", Assert.Single(PdfLineBuilder.Build(glyphs)).Text);
    }

    [Fact]
    public void Lines_are_split_by_baseline_and_read_top_down()
    {
        var glyphs = Pen("第二行", 672).Concat(Pen("第一行", 700)).Concat([new PdfGlyph("2", 148, 152, 705, 8)]);
        var lines = PdfLineBuilder.Build(glyphs);
        Assert.Equal(["第一行2", "第二行"], lines.Select(l => l.Text));
        Assert.Equal(700, lines[0].Baseline);
        Assert.Equal(Size, lines[0].Size);
    }

    [Fact]
    public void Indented_first_lines_and_short_last_lines_delimit_paragraphs()
    {
        var paragraphs = Assemble(Page(1,
            Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1), Cjk('丙', 10, Flush, 2),
            Cjk('丁', 26, Indent, 3),
            Cjk('戊', 26, Indent, 4), Cjk('己', 5, Flush, 5)));

        Assert.Equal([Text('甲', 26) + Text('乙', 28) + Text('丙', 10), Text('丁', 26), Text('戊', 26) + Text('己', 5)], paragraphs);
    }

    [Fact]
    public void A_flush_line_after_a_short_one_opens_a_paragraph()
    {
        var paragraphs = Assemble(Page(1, Cjk('甲', 26, Indent, 0), Cjk('乙', 20, Flush, 1), Cjk('丙', 28, Flush, 2), Cjk('丁', 3, Flush, 3)));
        Assert.Equal([Text('甲', 26) + Text('乙', 20), Text('丙', 28) + Text('丁', 3)], paragraphs);
    }

    [Fact]
    public void A_wider_gap_than_the_line_spacing_opens_a_paragraph()
    {
        var paragraphs = Assemble(Page(1, Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1), Cjk('丙', 28, Flush, 2), Cjk('丁', 28, Flush, 3.6), Cjk('戊', 2, Flush, 4.6)));
        Assert.Equal([Text('甲', 26) + Text('乙', 28) + Text('丙', 28), Text('丁', 28) + Text('戊', 2)], paragraphs);
    }

    [Fact]
    public void A_paragraph_and_a_word_run_on_over_a_page_break()
    {
        var paragraphs = Assemble(
            Page(1, Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1)),
            Page(2, Cjk('丙', 3, Flush, 0), Cjk('丁', 26, Indent, 1), Cjk('戊', 28, Flush, 2)),
            Page(3, Cjk('己', 26, Indent, 0), Cjk('庚', 2, Flush, 1)));

        Assert.Equal([Text('甲', 26) + Text('乙', 28) + Text('丙', 3), Text('丁', 26) + Text('戊', 28), Text('己', 26) + Text('庚', 2)], paragraphs);
    }

    [Fact]
    public void A_title_on_two_centred_lines_is_one_paragraph_but_masthead_lines_are_not()
    {
        var paragraphs = Assemble(Page(1,
            Centred("第11期", Size, -6),
            Centred("三门峡市人民政府督查室", Size, -5),
            Centred("2020年6月4日", Size, -4),
            Centred("2020年省、市重点民生实事", 22, -2.5),
            Centred("进展情况督查报告", 22, -1.3),
            Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1), Cjk('丙', 4, Flush, 2)));

        Assert.Equal(["第11期", "三门峡市人民政府督查室", "2020年6月4日", "2020年省、市重点民生实事进展情况督查报告", Text('甲', 26) + Text('乙', 28) + Text('丙', 4)], paragraphs);
    }

    [Fact]
    public void A_long_centred_title_whose_full_line_fills_the_column_keeps_its_centred_last_line()
    {
        // LibreOffice sets a 24 pt title over the column: the full first line starts a little
        // in from the margin, so it is not "centred" by measure; the last line is centred under it.
        const double Title = 24;
        var full = new PdfTextLine("松桥县2020年民生实事项目推进情况表（1—9", Flush + 10, 528 - 2, 714 + (2.6 * Pitch), Title, Title);
        var middle = (full.Left + full.Right) / 2;
        var last = new PdfTextLine("月）", middle - Title, middle + Title, 714 + (1.4 * Pitch), Title, Title);

        var paragraphs = Assemble(Page(1, full, last, Cjk('甲', 26, Indent, 0), Cjk('乙', 4, Flush, 1)));

        Assert.Equal(["松桥县2020年民生实事项目推进情况表（1—9月）", Text('甲', 26) + Text('乙', 4)], paragraphs);
    }

    [Fact]
    public void A_right_aligned_signature_and_date_stay_apart()
    {
        var paragraphs = Assemble(Page(1,
            Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1), Cjk('丙', 4, Flush, 2),
            Line("三门峡市人民政府督查室", 528 - (11 * Size), 3), Line("2020年6月4日", 528 - (9 * Size), 4)));

        Assert.Equal([Text('甲', 26) + Text('乙', 28) + Text('丙', 4), "三门峡市人民政府督查室", "2020年6月4日"], paragraphs);
    }

    [Fact]
    public void Latin_words_broken_over_lines_keep_their_space()
    {
        var paragraphs = Assemble(Page(1,
            Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1),
            Line("进展情况：已建成ICU", Indent, 2) with { Right = 520 }, Line("beds 20张。", Flush, 3) with { FirstWordWidth = 32 }));

        Assert.Equal([Text('甲', 26) + Text('乙', 28), "进展情况：已建成ICU beds 20张。"], paragraphs);
    }

    [Fact]
    public void A_table_row_is_a_paragraph_of_its_own()
    {
        var row = Line("1 | 新建供热管网 | 市住建局", Flush, 2) with { Right = 528, IsTableRow = true };
        var paragraphs = Assemble(Page(1, Cjk('甲', 26, Indent, 0), Cjk('乙', 28, Flush, 1), row, Cjk('丙', 28, Flush, 3), Cjk('丁', 2, Flush, 4)));
        Assert.Equal([Text('甲', 26) + Text('乙', 28), "1 | 新建供热管网 | 市住建局", Text('丙', 28) + Text('丁', 2)], paragraphs);
    }

    [Fact]
    public void Page_numbers_and_running_headers_go_but_body_lines_stay()
    {
        PdfPageLines Body(int number, string first) => Page(number,
            Line("三门峡市人民政府督查室专项督查快报", 200, -2.5),
            Line(first, Indent, 0), Cjk('甲', 28, Flush, 1), Cjk('乙', 28, Flush, 2),
            Line($"— {number} —", 280, 23), Line($"第{number}页 共3页", 400, 24.3));

        var pages = PdfPageFurniture.Remove([Body(1, "主要责任部门：市住建局"), Body(2, "主要责任部门：市住建局"), Body(3, "进展情况：已完成")], Pitch);

        Assert.All(pages, p => Assert.Equal(3, p.Lines.Count));
        Assert.Equal("主要责任部门：市住建局", pages[1].Lines[0].Text);
    }

    [Fact]
    public void A_page_number_close_under_the_body_still_goes()
    {
        var page = Page(1, Cjk('甲', 26, Indent, 17), Cjk('乙', 28, Flush, 18), Cjk('丙', 28, Flush, 19), Cjk('丁', 3, Flush, 20), Line("- 12 -", 280, 21));
        var lines = Assert.Single(PdfPageFurniture.Remove([page], Pitch)).Lines;
        Assert.Equal(4, lines.Count);
        Assert.DoesNotContain(lines, l => l.Text.Contains("12", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("— 3 —", true)]
    [InlineData("-3-", true)]
    [InlineData("第3页 共5页", true)]
    [InlineData("3/5", true)]
    [InlineData("· 12 ·", true)]
    [InlineData("Page 3 of 5", true)]
    [InlineData("2020年6月4日", false)]
    [InlineData("3.8万人", false)]
    public void Page_number_forms(string text, bool isPageNumber) => Assert.Equal(isPageNumber, PdfPageFurniture.IsPageNumber(text));

    private static List<string> Assemble(params PdfPageLines[] pages) => [.. PdfParagraphAssembler.Assemble(pages).Select(p => p.Text)];

    private static PdfPageLines Page(int number, params PdfTextLine[] lines) => new(number, 0, 842, lines);

    private static string Text(char c, int count) => new(c, count);

    /// <summary>A line of one repeated character on row <paramref name="row"/> below y = 714.</summary>
    private static PdfTextLine Cjk(char c, int count, double left, double row) => Line(Text(c, count), left, row);

    private static PdfTextLine Line(string text, double left, double row) =>
        new(text, left, left + (text.Length * Size), 714 - (row * Pitch), Size, Size);

    private static PdfTextLine Centred(string text, double size, double row)
    {
        var width = text.Length * size;
        var left = ((Flush + 528) / 2) - (width / 2);
        return new PdfTextLine(text, left, left + width, 714 - (row * Pitch), size, size);
    }

    /// <summary>
    /// Glyphs for runs separated by '|': text is set with Chinese characters a full size wide
    /// and others half; " " is a space character a quarter wide; "+n" a gap of n sizes.
    /// </summary>
    private static List<PdfGlyph> Pen(string runs, double baseline)
    {
        var glyphs = new List<PdfGlyph>();
        var x = 100.0;
        foreach (var run in runs.Split('|'))
        {
            if (run.StartsWith('+'))
            {
                x += double.Parse(run[1..], System.Globalization.CultureInfo.InvariantCulture) * Size;
                continue;
            }

            foreach (var c in run)
            {
                var width = c == ' ' ? Size / 4 : c > '\u2E80' ? Size : Size / 2;
                glyphs.Add(new PdfGlyph(c.ToString(), x, x + width, baseline, Size));
                x += width;
            }
        }

        return glyphs;
    }
}
