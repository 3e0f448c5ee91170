using System.Text;
using Extraction.Metrics.Jieba;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Extraction.Tests.Metrics;

/// <summary>
/// The compact jieba gives the words and tags jieba.NET 0.42.2 gives, with the same user
/// dictionary, on every line of the corpus and on text made to reach its corners (Latin and
/// digits inside Chinese, runs the dictionary does not know, spaces, symbols, lone surrogates).
/// jieba.NET is the reference here only; the program no longer loads it.
/// </summary>
public sealed class JiebaEquivalenceTests
{
    private static readonly Lazy<(JiebaSegmenter Words, PosSegmenter Tags)> Reference = new(() =>
    {
        var words = new JiebaSegmenter();
        words.LoadUserDict(Dictionary);
        return (words, new PosSegmenter(words));
    });

    private static string Dictionary => Path.Combine(TestPaths.Rules, "common", "dictionary.txt");

    public static TheoryData<string> Sources() =>
        [.. Directory.EnumerateFiles(TestPaths.Corpus, "*.txt", SearchOption.AllDirectories).Where(f => !f.Contains("gb18030", StringComparison.Ordinal) && !f.Contains("/bad/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(TestPaths.Corpus, f))];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_line_of_a_corpus_file_is_cut_and_tagged_as_jieba_NET_cuts_it(string file)
    {
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.Corpus, file), Encoding.UTF8).Where(l => l.Length > 0))
        {
            Same(line);
        }
    }

    [Theory]
    [InlineData("全市新增城镇就业19572人，完成率为97.8%")]
    [InlineData("PM2.5平均浓度同比下降12.3%，CET-6考试通过率·优良天数")]
    [InlineData("完成负压病房改造 3.8万人\r\n供热管网改造 14.7亿元")]
    [InlineData("滏阳河湿地公园垚犇鑫淼焱燚工程已开工")]
    [InlineData("a1b2c3 ＡＢＣ１２３ ①②③ 《条例》—— ……")]
    [InlineData("\ud800孤立代理\udc00 😀 表情")]
    [InlineData("市人力资源社会保障局、市卫健委牵头，市财政局配合")]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_made_for_the_corners_is_cut_and_tagged_as_jieba_NET_cuts_it(string text) => Same(text);

    [Fact]
    public void Random_mixes_of_corpus_characters_are_cut_and_tagged_as_jieba_NET_cuts_them()
    {
        var pool = File.ReadAllText(Path.Combine(TestPaths.Corpus, "sanmenxia-2020-11.txt")) + "abcXYZ0123.%#&·-+_ \t";
        var random = new Random(20261202);
        for (var i = 0; i < 300; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 60)).Select(_ => pool[random.Next(pool.Length)])]);
            Same(text);
        }
    }

    [Fact]
    public void Models_compiled_into_the_cache_are_read_back_whole_and_a_damaged_file_is_compiled_again()
    {
        using var cache = new TempDirectory();
        const string text = "全市新增城镇就业19572人，滏阳河湿地垚犇工程完成负压病房改造";
        var fresh = JiebaModels.Create(Dictionary, cache.Path);
        var expected = Words(fresh, text);
        var files = Directory.GetFiles(cache.Path, "jieba-*.bin");
        Assert.Equal(3, files.Length);

        var read = JiebaModels.Create(Dictionary, cache.Path);
        Assert.Equal(expected, Words(read, text));
        Assert.Equal(files.Order(), Directory.GetFiles(cache.Path, "jieba-*.bin").Order());

        foreach (var file in files)
        {
            File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);
        }

        var rebuilt = JiebaModels.Create(Dictionary, cache.Path);
        Assert.Equal(expected, Words(rebuilt, text));
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 100));
    }

    [Fact]
    public void A_user_dictionary_line_without_a_frequency_is_refused_with_its_line_number()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("dictionary.txt"), "负压病房 2000 n\n供热管网 n\n");
        var error = Assert.Throws<InvalidDataException>(() => ModelBuilder.Dictionary(Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt"), dir.File("dictionary.txt")));
        Assert.Contains("dictionary.txt:2", error.Message, StringComparison.Ordinal);
    }

    private static string Words(JiebaCutter cutter, string text) =>
        $"{string.Join(' ', cutter.Cut(text))} | {string.Join(' ', cutter.CutTagged(text).Select(p => $"{p.Word}/{p.Tag}"))}";

    private static void Same(string text)
    {
        var ours = JiebaModels.For(Dictionary);
        var (words, tags) = Reference.Value;
        Assert.Equal(words.Cut(text), ours.Cut(text));
        Assert.Equal(words.CutForSearch(text), ours.CutForSearch(text));
        Assert.Equal(tags.Cut(text).Select(p => $"{p.Word}/{p.Flag}"), ours.CutTagged(text).Select(p => $"{p.Word}/{p.Tag}"));
    }
}
