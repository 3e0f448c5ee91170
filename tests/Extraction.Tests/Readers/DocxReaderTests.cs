using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Pipeline.Scoring;
using Extraction.Readers;
using Extraction.Readers.Docx;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Extraction.Tests.Readers;

/// <summary>
/// The .docx reader: the seed bulletin reads like its plain-text twin, hostile files fail in one line,
/// and small documents built here pin down numbering, tables, text boxes, fields and what is left out.
/// </summary>
public sealed class DocxReaderTests
{
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    private static readonly DocxDocumentReader Reader = new();

    // ---- the seed ----

    [Fact]
    public void Sanmenxia2020_11_docx_has_the_numbers_Word_shows_and_the_title_on_one_line()
    {
        var paragraphs = ReadCorpus("sanmenxia-2020-11.docx");

        Assert.StartsWith("1.深入实施就业优先政策，", paragraphs.Single(p => p.StartsWith("1.", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("（一）新增城镇就业3.8万人", paragraphs);
        Assert.Contains("2020年省、市重点民生实事进展情况督查报告", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("22.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("（十）", StringComparison.Ordinal));
        Assert.Equal(22, paragraphs.Count(p => char.IsAsciiDigit(p[0]) && p.Contains('.', StringComparison.Ordinal) && p.IndexOf('.', StringComparison.Ordinal) <= 2));
    }

    [Fact]
    public void Sanmenxia2020_11_docx_leaves_the_page_footer_out()
    {
        var paragraphs = ReadCorpus("sanmenxia-2020-11.docx");

        Assert.DoesNotContain(paragraphs, p => p.Contains("PAGE", StringComparison.Ordinal) || p.Contains("MERGEFORMAT", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.StartsWith('—'));
    }

    [Fact]
    public void Sanmenxia2020_11_docx_reads_as_a_docx_of_unknown_page_count()
    {
        var document = Reader.Read(File.ReadAllBytes(TestPaths.CorpusFile("sanmenxia-2020-11.docx"))).Document!;
        Assert.Equal(SourceFormat.Docx, document.Format);
        Assert.Null(document.Pages);
    }

    [Fact]
    public void Sanmenxia2020_11_docx_parses_to_the_golden_file()
    {
        var gold = BulletinJson.Deserialize(File.ReadAllText(Path.Combine(TestPaths.Corpus, "expected", "sanmenxia-2020-11.json")));
        var outcome = new BulletinParser(TestPaths.RuleBook).ParseFile(TestPaths.CorpusFile("sanmenxia-2020-11.docx"));

        Assert.True(outcome.Succeeded, outcome.Error);
        var score = GoldenComparer.Compare("sanmenxia-2020-11.docx", gold, outcome.Bulletin!);
        Assert.True(score.Differences.Count == 0, string.Join(Environment.NewLine, score.Differences));
        Assert.Equal(gold.Warnings, outcome.Bulletin!.Warnings);
    }

    // ---- hostile and broken files ----

    [Theory]
    [InlineData("bad/not-a-docx.docx", "not a valid .docx")]
    [InlineData("bad/zip-bomb.docx", "too large")]
    [InlineData("bad/entity-expansion.docx", "DTD")]
    public void A_bad_docx_fails_in_one_line_quickly_and_in_bounded_memory(string file, string reason)
    {
        var content = File.ReadAllBytes(TestPaths.CorpusFile(file));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var result = Reader.Read(content);

        clock.Stop();
        AssertOneLineFailure(result, reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024 * 1024);
        Assert.True(megabytes < 200, $"allocated {megabytes} MB");
    }

    [Fact]
    public void A_zip_bomb_that_understates_its_size_still_fails_cleanly()
    {
        var content = WithDeclaredSize(File.ReadAllBytes(TestPaths.CorpusFile("bad/zip-bomb.docx")), "word/document.xml", 1000);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var result = Reader.Read(content);

        AssertOneLineFailure(result, "word/document.xml");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocated < 200L * 1024 * 1024);
    }

    [Fact]
    public void A_part_over_the_limit_is_refused_by_its_declared_size()
    {
        var content = Docx(P(R(T(new string('进', 200_000)))));
        var result = new DocxDocumentReader(new DocxLimits(MainDocumentBytes: 100_000, OtherPartBytes: 100_000)).Read(content);
        AssertOneLineFailure(result, "word/document.xml is too large (over 97 KB uncompressed; zip bomb?)");
    }

    [Fact]
    public void An_encrypted_office_file_is_named_as_such() =>
        AssertOneLineFailure(Reader.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]), "encrypted");

    [Fact]
    public void An_empty_document_has_no_text() =>
        AssertOneLineFailure(Reader.Read(Docx(P(string.Empty))), "no text");

    [Fact]
    public void Malformed_document_xml_is_damaged() =>
        AssertOneLineFailure(Reader.Read(ZipWithDocument("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")), "not well-formed XML");

    [Fact]
    public void Absurdly_deep_xml_is_refused_quickly()
    {
        const int depth = 50_000;
        var body = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + P(R(T("深"))) + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));
        var clock = Stopwatch.StartNew();

        var result = Reader.Read(ZipWithDocument($"<w:document {Namespaces}><w:body>{body}</w:body></w:document>"));

        AssertOneLineFailure(result, "nested");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 })]
    public void Empty_non_zip_and_truncated_zip_bytes_are_not_a_docx(byte[] content) =>
        AssertOneLineFailure(Reader.Read(content), "not a valid .docx (zip) package");

    // ---- the package, as the Open XML SDK opens it ----

    [Fact]
    public void A_malformed_hyperlink_target_does_not_stop_the_reading()
    {
        // .NET cannot parse "mailto:person@" as a URI; the SDK repairs such external targets on a second open.
        var numbering = Abstract(0, Level(0, "decimal", "%1.")) + Num(1, 0);
        var content = WithRelationship(Docx(Numbered(1, 0, "甲") + Numbered(1, 0, "乙"), numbering), "hyperlink", "mailto:person@", external: true);

        Assert.Equal(["1.甲", "2.乙"], Read(content));
    }

    [Fact]
    public void A_malformed_internal_target_is_damaged() =>
        AssertOneLineFailure(Reader.Read(WithRelationship(WithStyles("正文"), "image", "http://[bad", external: false)), "relationship target is not a valid URI");

    [Fact]
    public void A_relationship_to_a_part_the_package_lacks_is_damaged() =>
        AssertOneLineFailure(Reader.Read(WithRelationship(WithStyles("正文"), "image", "media/missing.png", external: false)), "content types or relationships are invalid");

    [Fact]
    public void Strict_relationship_types_lead_to_the_same_parts()
    {
        var numbering = Abstract(0, Level(0, "chineseCounting", "%1、")) + Num(1, 0);
        var content = Docx(Numbered(1, 0, "甲") + Numbered(1, 0, "乙"), numbering);
        foreach (var rels in new[] { "_rels/.rels", "word/_rels/document.xml.rels" })
        {
            content = WithEntry(content, rels, xml => xml.Replace(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/", StringComparison.Ordinal));
        }

        Assert.Equal(["一、甲", "二、乙"], Read(content));
    }

    [Fact]
    public void A_zip_without_package_relationships_has_no_main_document() =>
        AssertOneLineFailure(Reader.Read(Zip(("word/document.xml", $"<w:document {Namespaces}><w:body>{P(R(T("正文")))}</w:body></w:document>"))), "no main document part");

    [Fact]
    public void A_DTD_in_the_relationships_is_refused_before_the_SDK_reads_them()
    {
        var content = WithEntry(WithStyles("正文"), "word/_rels/document.xml.rels", xml => xml.Replace(
            "<Relationships", "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Relationships", StringComparison.Ordinal));
        AssertOneLineFailure(Reader.Read(content), "XML with a DTD (entity expansion) refused in word/_rels/document.xml.rels");
    }

    [Fact]
    public void Relationships_over_the_limit_are_refused_before_the_SDK_reads_them()
    {
        var content = WithEntry(Docx(P(R(T("正文")))), "_rels/.rels", xml => xml.Replace("<Relationships", $"<!--{new string('x', 5000)}--><Relationships", StringComparison.Ordinal));
        var result = new DocxDocumentReader(new DocxLimits(MainDocumentBytes: 100_000, OtherPartBytes: 4096)).Read(content);
        AssertOneLineFailure(result, "_rels/.rels is too large (over 4 KB uncompressed; zip bomb?)");
    }

    [Fact]
    public void A_styles_part_over_the_limit_is_refused_by_its_declared_size()
    {
        var styles = string.Concat(Enumerable.Range(0, 200).Select(i => Style($"s{i}", $"样式{i}")));
        var result = new DocxDocumentReader(new DocxLimits(MainDocumentBytes: 100_000, OtherPartBytes: 4096)).Read(Docx(P(R(T("正文"))), styles: styles));
        AssertOneLineFailure(result, "word/styles.xml is too large (over 4 KB uncompressed; zip bomb?)");
    }

    // ---- automatic numbering ----

    [Fact]
    public void Decimal_numbering_counts_on_across_unnumbered_paragraphs()
    {
        var numbering = Abstract(0, Level(0, "decimal", "%1.")) + Num(1, 0);
        var body = Numbered(1, 0, "甲") + P(R(T("说明"))) + Numbered(1, 0, "乙") + Numbered(1, 0, "丙");

        Assert.Equal(["1.甲", "说明", "2.乙", "3.丙"], Read(Docx(body, numbering)));
    }

    [Fact]
    public void Chinese_counting_runs_past_ten_and_twenty()
    {
        var numbering = Abstract(0, Level(0, "chineseCounting", "%1、")) + Num(1, 0);
        var body = string.Concat(Enumerable.Range(1, 22).Select(_ => Numbered(1, 0, "项")));

        string[] expected =
        [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
            "十六", "十七", "十八", "十九", "二十", "二十一", "二十二",
        ];
        Assert.Equal(expected.Select(n => n + "、项"), Read(Docx(body, numbering)));
    }

    [Theory]
    [InlineData("decimal", 7, "7")]
    [InlineData("decimalZero", 7, "07")]
    [InlineData("decimalFullWidth", 12, "１２")]
    [InlineData("chineseCounting", 10, "十")]
    [InlineData("chineseCounting", 99, "九十九")]
    [InlineData("chineseCounting", 100, "一〇〇")]
    [InlineData("chineseCountingThousand", 15, "十五")]
    [InlineData("chineseCountingThousand", 101, "一百〇一")]
    [InlineData("chineseCountingThousand", 110, "一百一十")]
    [InlineData("chineseCountingThousand", 2020, "二千〇二十")]
    [InlineData("chineseCountingThousand", 10000, "一万")]
    [InlineData("chineseLegalSimplified", 12, "壹拾贰")]
    [InlineData("ideographDigital", 105, "一〇五")]
    [InlineData("ideographTraditional", 1, "甲")]
    [InlineData("ideographTraditional", 4, "丁")]
    [InlineData("ideographZodiac", 12, "亥")]
    [InlineData("decimalEnclosedCircle", 1, "①")]
    [InlineData("decimalEnclosedCircleChinese", 20, "⑳")]
    [InlineData("decimalEnclosedCircle", 21, "21")]
    [InlineData("lowerLetter", 2, "b")]
    [InlineData("upperLetter", 28, "BB")]
    [InlineData("lowerRoman", 4, "iv")]
    [InlineData("upperRoman", 14, "XIV")]
    [InlineData("none", 3, "")]
    public void A_number_format_shows_as_Word_shows_it(string numFmt, int value, string expected)
    {
        var numbering = Abstract(0, Level(0, numFmt, "%1", start: value)) + Num(1, 0);
        Assert.Equal([expected + "文"], Read(Docx(Numbered(1, 0, "文"), numbering)));
    }

    [Fact]
    public void A_deleted_numbered_paragraph_takes_no_number()
    {
        var numbering = Abstract(0, Level(0, "decimal", "%1.")) + Num(1, 0);
        var deleted = P("<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:rPr><w:del w:id=\"1\" w:author=\"x\"/></w:rPr></w:pPr>"
            + "<w:del w:id=\"2\" w:author=\"x\">" + R("<w:delText>撤销的任务</w:delText>") + "</w:del>");

        Assert.Equal(["1.甲", "2.乙"], Read(Docx(Numbered(1, 0, "甲") + deleted + Numbered(1, 0, "乙"), numbering)));
    }

    [Fact]
    public void A_bullet_adds_no_label()
    {
        var numbering = Abstract(0, Level(0, "bullet", "\uF06C")) + Num(1, 0);
        Assert.Equal(["要点"], Read(Docx(Numbered(1, 0, "要点"), numbering)));
    }

    [Fact]
    public void Deeper_levels_restart_when_a_higher_level_advances()
    {
        var numbering = Abstract(0, Level(0, "decimal", "%1."), Level(1, "decimal", "%1.%2"), Level(2, "lowerLetter", "(%3)")) + Num(1, 0);
        var body = Numbered(1, 0, "A") + Numbered(1, 1, "B") + Numbered(1, 1, "C") + Numbered(1, 0, "D")
            + Numbered(1, 1, "E") + Numbered(1, 2, "F") + Numbered(1, 2, "G") + Numbered(1, 1, "H") + Numbered(1, 2, "I");

        Assert.Equal(["1.A", "1.1B", "1.2C", "2.D", "2.1E", "(a)F", "(b)G", "2.2H", "(a)I"], Read(Docx(body, numbering)));
    }

    [Fact]
    public void A_level_with_lvlRestart_zero_never_restarts()
    {
        var numbering = Abstract(0, Level(0, "decimal", "%1."), Level(1, "decimal", "(%2)", extra: "<w:lvlRestart w:val=\"0\"/>")) + Num(1, 0);
        var body = Numbered(1, 0, "A") + Numbered(1, 1, "B") + Numbered(1, 0, "C") + Numbered(1, 1, "D");

        Assert.Equal(["1.A", "(1)B", "2.C", "(2)D"], Read(Docx(body, numbering)));
    }

    [Fact]
    public void A_legal_level_shows_every_level_in_decimal()
    {
        var numbering = Abstract(0, Level(0, "chineseCounting", "%1、"), Level(1, "decimal", "%1.%2", extra: "<w:isLgl/>")) + Num(1, 0);
        var body = Numbered(1, 0, "总") + Numbered(1, 1, "分") + Numbered(1, 0, "总") + Numbered(1, 1, "分");

        Assert.Equal(["一、总", "1.1分", "二、总", "2.1分"], Read(Docx(body, numbering)));
    }

    [Fact]
    public void Lists_sharing_an_abstract_definition_continue_and_a_start_override_restarts()
    {
        var numbering = Abstract(0, Level(0, "decimal", "%1."))
            + Num(1, 0) + Num(2, 0)
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
        var body = Numbered(1, 0, "甲") + Numbered(2, 0, "乙") + Numbered(3, 0, "丙") + Numbered(3, 0, "丁");

        Assert.Equal(["1.甲", "2.乙", "1.丙", "2.丁"], Read(Docx(body, numbering)));
    }

    [Fact]
    public void Numbering_comes_from_the_style_chain_matched_by_style_name_not_id()
    {
        // As Chinese Word writes them: heading 2 has the id "2"; a custom style is based on it.
        var styles = Style("a", "Normal", isDefault: true)
            + Style("2", "heading 2", basedOn: "a", numbering: "<w:numPr><w:numId w:val=\"2\"/></w:numPr>")
            + Style("a5", "类别标题", basedOn: "2");
        var numbering = Abstract(1, Level(0, "chineseCounting", "（%1）", extra: "<w:pStyle w:val=\"2\"/><w:suff w:val=\"nothing\"/>")) + Num(2, 1);
        var body = Styled("2", "新增城镇就业3.8万人") + P(R(T("正文"))) + Styled("a5", "提升城市基础设施")
            + P("<w:pPr><w:pStyle w:val=\"2\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>" + R(T("不编号")));

        Assert.Equal(["（一）新增城镇就业3.8万人", "正文", "（二）提升城市基础设施", "不编号"], Read(Docx(body, numbering, styles)));
    }

    [Fact]
    public void A_num_may_point_to_a_numbering_style_that_holds_the_levels()
    {
        var styles = Style("ListStyle1", "多级列表", type: "numbering", numbering: "<w:numPr><w:numId w:val=\"1\"/></w:numPr>");
        var numbering = Abstract(0, Level(0, "decimal", "%1)"))
            + "<w:abstractNum w:abstractNumId=\"1\"><w:numStyleLink w:val=\"ListStyle1\"/></w:abstractNum>"
            + Num(1, 0) + Num(2, 1);

        Assert.Equal(["1)一", "2)二"], Read(Docx(Numbered(2, 0, "一") + Numbered(2, 0, "二"), numbering, styles)));
    }

    // ---- text: runs, breaks, fields, hidden and deleted text ----

    [Fact]
    public void Runs_split_mid_word_are_joined()
    {
        Assert.Equal(["新增城镇就业3.8万人"], Read(Docx(P(R(T("新增城")) + R(T("镇就业3.")) + R(T("8万人"))))));
    }

    [Fact]
    public void A_line_break_joins_Chinese_with_nothing_and_Latin_with_a_space()
    {
        var body = P(R(T("重点民生实事") + "<w:br/>" + T("进展情况"))) + P(R(T("Progress") + "<w:br/>" + T("report 2020"))) + P(R(T("第1期") + "<w:tab/>" + T("2020")));
        Assert.Equal(["重点民生实事进展情况", "Progress report 2020", "第1期2020"], Read(Docx(body)));
    }

    [Fact]
    public void A_field_shows_its_result_and_not_its_code()
    {
        var complex = R("<w:t xml:space=\"preserve\">共</w:t>") + R("<w:fldChar w:fldCharType=\"begin\"/>") + R("<w:instrText xml:space=\"preserve\"> NUMPAGES \\* MERGEFORMAT </w:instrText>")
            + R("<w:fldChar w:fldCharType=\"separate\"/>") + R(T("5")) + R("<w:fldChar w:fldCharType=\"end\"/>") + R(T("页"));
        var simple = "<w:fldSimple w:instr=\" DATE \\@ &quot;yyyy年M月d日&quot; \">" + R(T("2020年6月4日")) + "</w:fldSimple>";

        Assert.Equal(["共5页", "2020年6月4日"], Read(Docx(P(complex) + P(simple))));
    }

    [Fact]
    public void A_table_of_contents_field_is_left_out()
    {
        var toc = P(R("<w:fldChar w:fldCharType=\"begin\"/>") + R("<w:instrText> TOC \\o \"1-3\" </w:instrText>") + R("<w:fldChar w:fldCharType=\"separate\"/>") + R(T("一、工作进展情况 1")))
            + P(R(T("二、存在问题 3")) + R("<w:fldChar w:fldCharType=\"end\"/>"));
        Assert.Equal(["一、工作进展情况"], Read(Docx(toc + P(R(T("一、工作进展情况"))))));
    }

    [Fact]
    public void Hidden_and_deleted_text_is_left_out_and_inserted_text_kept()
    {
        var body = P(R(T("完成")) + R("<w:rPr><w:vanish/></w:rPr>" + T("（隐藏）")) + "<w:del w:id=\"1\" w:author=\"x\">" + R("<w:delText>旧</w:delText>") + "</w:del>"
            + "<w:ins w:id=\"2\" w:author=\"x\">" + R(T("新")) + "</w:ins>" + R(T("任务")));
        Assert.Equal(["完成新任务"], Read(Docx(body)));
    }

    [Fact]
    public void Headers_footers_and_footnotes_stay_out_of_the_body()
    {
        var body = P(R(T("正文")) + R("<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/>") + R(T("结束")));
        var content = Docx(body, extra: main =>
        {
            main.AddNewPart<HeaderPart>().Header = new W.Header($"<w:hdr {Namespaces}>{P(R(T("页眉文字")))}</w:hdr>");
            main.AddNewPart<FooterPart>().Footer = new W.Footer(
                $"<w:ftr {Namespaces}>{P(R(T("— ")) + R("<w:fldChar w:fldCharType=\"begin\"/>") + R("<w:instrText> PAGE </w:instrText>") + R("<w:fldChar w:fldCharType=\"separate\"/>") + R(T("1")) + R("<w:fldChar w:fldCharType=\"end\"/>") + R(T(" —")))}</w:ftr>");
            main.AddNewPart<FootnotesPart>().Footnotes = new W.Footnotes(
                $"<w:footnotes {Namespaces}><w:footnote w:id=\"1\">{P(R("<w:footnoteRef/>") + R(T("脚注内容")))}</w:footnote></w:footnotes>");
            main.AddNewPart<EndnotesPart>().Endnotes = new W.Endnotes($"<w:endnotes {Namespaces}><w:endnote w:id=\"1\">{P(R(T("尾注内容")))}</w:endnote></w:endnotes>");
        });

        Assert.Equal(["正文结束"], Read(content));
    }

    // ---- tables and text boxes ----

    [Fact]
    public void A_table_reads_as_one_paragraph_per_row()
    {
        var table = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + Row(Cell("序号"), Cell("目标"), Cell("进度"))
            + Row(Cell("1", "<w:vMerge w:val=\"restart\"/>"), Cell(P(R(T("新增就业"))) + P(R(T("3.8万人"))), string.Empty), Cell("51.51%"))
            + Row(Cell(string.Empty, "<w:vMerge/>"), Cell("New jobs"), Cell("done"))
            + Row(Cell("合计完成情况良好", "<w:gridSpan w:val=\"3\"/>"))
            + Row(Cell("2", "<w:gridSpan w:val=\"2\"/>"), Cell("完成"))
            + "</w:tbl>";

        Assert.Equal(
            ["序号 | 目标 | 进度", "1 | 新增就业3.8万人 | 51.51%", "| New jobs | done", "合计完成情况良好", "2 | 完成"],
            Read(Docx(table)));
    }

    [Fact]
    public void A_table_inside_a_cell_is_flattened_into_that_cell()
    {
        var inner = "<w:tbl>" + Row(Cell("目标"), Cell("10个")) + Row(Cell("完成"), Cell("8个")) + "</w:tbl>";
        var outer = "<w:tbl>" + Row(Cell("1"), Cell(inner + P(string.Empty), string.Empty)) + "</w:tbl>";

        Assert.Equal(["1 | 目标 10个完成 8个"], Read(Docx(outer)));
    }

    [Fact]
    public void A_one_cell_table_framing_the_page_reads_as_its_content()
    {
        var inner = "<w:tbl>" + Row(Cell("序号"), Cell("实事内容")) + Row(Cell("1"), Cell("新增城镇就业3000人")) + "</w:tbl>";
        var frame = "<w:tbl>" + Row(Cell(P(R(T("松桥县民生实事推进情况表"))) + inner + P(R(T("注：完成率为累计值。"))), string.Empty)) + "</w:tbl>";

        Assert.Equal(["松桥县民生实事推进情况表", "序号 | 实事内容", "1 | 新增城镇就业3000人", "注：完成率为累计值。"], Read(Docx(frame)));
    }

    [Fact]
    public void A_text_box_is_read_once_after_its_paragraph()
    {
        var box = P(R(T("文本框内容")));
        var run = R(
            "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            + $"<wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + $"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>");
        var body = P(R(T("正文")) + run) + P(R(T("下一段")));

        Assert.Equal(["正文", "文本框内容", "下一段"], Read(Docx(body)));
    }

    [Fact]
    public void A_content_control_is_read_through()
    {
        var body = "<w:sdt><w:sdtPr/><w:sdtContent>" + P(R(T("控件中的段落"))) + "</w:sdtContent></w:sdt>"
            + P("<w:sdt><w:sdtContent>" + R(T("行内控件")) + "</w:sdtContent></w:sdt>");
        Assert.Equal(["控件中的段落", "行内控件"], Read(Docx(body)));
    }

    [Fact]
    public void The_reader_behind_format_detection_is_this_one() =>
        Assert.Equal(["经检测读取"], DocumentReaders.For(TestPaths.RuleBook.Common).Read(Docx(P(R(T("经检测读取"))))).Document!.Paragraphs.Select(p => p.Text));

    // ---- helpers ----

    private static List<string> ReadCorpus(string file)
    {
        var result = Reader.Read(File.ReadAllBytes(TestPaths.CorpusFile(file)));
        Assert.True(result.Succeeded, result.Error);
        return result.Document!.Paragraphs.Select(p => p.Text).ToList();
    }

    private static List<string> Read(byte[] docx)
    {
        var result = Reader.Read(docx);
        Assert.True(result.Succeeded, result.Error);
        return result.Document!.Paragraphs.Select(p => p.Text).ToList();
    }

    private static void AssertOneLineFailure(ReadResult result, string reason)
    {
        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error);
    }

    /// <summary>A .docx built with the Open XML SDK from WordprocessingML fragments.</summary>
    private static byte[] Docx(string body, string? numbering = null, string? styles = null, Action<MainDocumentPart>? extra = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document($"<w:document {Namespaces}><w:body>{body}</w:body></w:document>");
            if (numbering is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = new W.Numbering($"<w:numbering {Namespaces}>{numbering}</w:numbering>");
            }

            if (styles is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = new W.Styles($"<w:styles {Namespaces}>{styles}</w:styles>");
            }

            extra?.Invoke(main);
        }

        return stream.ToArray();
    }

    private static string P(string content) => $"<w:p>{content}</w:p>";

    private static string R(string content) => $"<w:r>{content}</w:r>";

    private static string T(string text) => $"<w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t>";

    private static string Numbered(int numId, int level, string text) =>
        P($"<w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr></w:pPr>" + R(T(text)));

    private static string Styled(string styleId, string text) => P($"<w:pPr><w:pStyle w:val=\"{styleId}\"/></w:pPr>" + R(T(text)));

    private static string Abstract(int id, params string[] levels) => $"<w:abstractNum w:abstractNumId=\"{id}\">{string.Concat(levels)}</w:abstractNum>";

    private static string Level(int level, string numFmt, string text, int start = 1, string extra = "") =>
        $"<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{numFmt}\"/>{extra}<w:lvlText w:val=\"{text}\"/></w:lvl>";

    private static string Num(int numId, int abstractId) => $"<w:num w:numId=\"{numId}\"><w:abstractNumId w:val=\"{abstractId}\"/></w:num>";

    private static string Style(string id, string name, string type = "paragraph", bool isDefault = false, string? basedOn = null, string numbering = "")
    {
        var builder = new StringBuilder($"<w:style w:type=\"{type}\" w:styleId=\"{id}\"{(isDefault ? " w:default=\"1\"" : string.Empty)}><w:name w:val=\"{name}\"/>");
        if (basedOn is not null)
        {
            builder.Append($"<w:basedOn w:val=\"{basedOn}\"/>");
        }

        return builder.Append($"<w:pPr>{numbering}</w:pPr></w:style>").ToString();
    }

    private static string Row(params string[] cells) => $"<w:tr>{string.Concat(cells)}</w:tr>";

    /// <summary>A cell holding one paragraph of text, or (with properties given) the block content as written.</summary>
    private static string Cell(string text) => $"<w:tc>{P(R(T(text)))}</w:tc>";

    private static string Cell(string content, string properties) =>
        $"<w:tc><w:tcPr>{properties}</w:tcPr>{(content.StartsWith('<') ? content : P(R(T(content))))}</w:tc>";

    /// <summary>A minimal package around a word/document.xml, for XML the Open XML SDK would not write.</summary>
    private static byte[] ZipWithDocument(string xml) => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        ("word/document.xml", xml));

    private static byte[] Zip(params (string Name, string Xml)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A copy of a package with one entry's text rewritten, for packages the Open XML SDK would not write.</summary>
    private static byte[] WithEntry(byte[] package, string name, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(name)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(edit(xml));
        }

        return stream.ToArray();
    }

    /// <summary>A one-paragraph document with a styles part, so that its main part has relationships to edit.</summary>
    private static byte[] WithStyles(string text) => Docx(P(R(T(text))), styles: Style("a", "Normal", isDefault: true));

    private static byte[] WithRelationship(byte[] docx, string type, string target, bool external) =>
        WithEntry(docx, "word/_rels/document.xml.rels", xml => xml.Replace(
            "</Relationships>",
            $"<Relationship Id=\"rIdTest\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" "
                + $"Target=\"{System.Security.SecurityElement.Escape(target)}\"{(external ? " TargetMode=\"External\"" : string.Empty)}/></Relationships>",
            StringComparison.Ordinal));

    /// <summary>The bytes of a zip with one entry's uncompressed size rewritten in both of its headers.</summary>
    private static byte[] WithDeclaredSize(byte[] zip, string entry, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i, 4).SequenceEqual("PK\u0003\u0004"u8) && bytes.AsSpan(i + 30).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            }
            else if (bytes.AsSpan(i, 4).SequenceEqual("PK\u0001\u0002"u8) && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            }
        }

        return bytes;
    }
}
