using System.Text;
using Extraction.Figures;
using Extraction.Figures.Numbers;

namespace Extraction.Tests.Figures;

/// <summary>Properties that hold for every input, checked on many generated ones (fixed seeds, so failures reproduce).</summary>
public sealed class PropertyTests
{
    private static readonly FigureExtractor Extractor = new(TestPaths.RuleSet.Figures, TestPaths.RuleSet.Folding);

    [Fact]
    public void Any_integer_up_to_a_trillion_written_in_chinese_numerals_reads_back()
    {
        var random = new Random(20201104);
        var samples = new List<long> { 0, 1, 10, 11, 20, 100, 101, 110, 1000, 1001, 1010, 10000, 10001, 100000, 1000000, 10000000, 100000000, 100000001, 1000000000, 1000000000000 };
        for (var i = 0; i < 20000; i++)
        {
            // Spread the digits over every magnitude, with many zeros inside.
            var digits = random.Next(1, 13);
            var value = 0L;
            for (var d = 0; d < digits; d++)
            {
                value = (value * 10) + (random.Next(3) == 0 ? 0 : random.Next(10));
            }

            samples.Add(Math.Min(value, 1_000_000_000_000));
        }

        foreach (var value in samples)
        {
            var text = ChineseFormatter.Format(value);
            Assert.True(ChineseNumerals.TryParse(text, out var parsed), $"{value} written {text} is not read");
            Assert.True(parsed == value, $"{value} written {text} reads as {parsed}");

            // 零 alone opens no figure (零就业家庭 is a term), so zero is checked by the reader only.
            if (value > 0)
            {
                var found = Extractor.Extract($"完成{text}人。");
                Assert.True(found.Count == 1 && found[0].Raw == $"{text}人" && found[0].Value == value, $"{value}: 完成{text}人 gives [{string.Join(", ", found.Select(f => $"{f.Raw}={f.Value}"))}]");
            }
        }
    }

    [Fact]
    public void A_figure_inside_any_surrounding_text_is_found_with_the_same_value()
    {
        (string Raw, double Value)[] figures =
        [
            ("3.8万人", 38000), ("19572人", 19572), ("14.7亿元", 1470000000), ("54.3%", 54.3), ("130余万元", 1300000),
            ("60万平方米", 600000), ("3个工作日以内", 3), ("二十二项", 22), ("百分之五十四点三", 54.3), ("1,260万元", 12600000),
            ("１２３件", 123), ("0.3个百分点", 0.3), ("87微克/立方米", 87), ("3-5个工作日", 3), ("一吨半", 1.5),
        ];
        string[] words = ["全市", "推进", "项目", "建设", "工作", "情况", "民生实事", "督查", "进展顺利", "有序", "群众", "基础设施", "各部门", "开展"];
        string[] breaks = ["，", "。", "；", "：", "、"];
        var random = new Random(6041);
        for (var i = 0; i < 5000; i++)
        {
            var (raw, value) = figures[random.Next(figures.Length)];
            var text = new StringBuilder();
            AppendWords(text, random, words, breaks);
            var start = text.Length;
            text.Append(raw).Append(breaks[random.Next(breaks.Length)]);
            AppendWords(text, random, words, breaks);

            var found = Extractor.Extract(text.ToString());
            var figure = found.SingleOrDefault(f => f.Start == start);
            Assert.True(figure is not null, $"{raw} not found in {text}");
            Assert.Equal(raw, figure.Raw);
            Assert.Equal(value, figure.Value, 9);
        }
    }

    private static void AppendWords(StringBuilder text, Random random, string[] words, string[] breaks)
    {
        for (var w = random.Next(0, 6); w > 0; w--)
        {
            text.Append(words[random.Next(words.Length)]);
            if (random.Next(2) == 0)
            {
                text.Append(breaks[random.Next(breaks.Length)]);
            }
        }

        if (text.Length > 0 && !breaks.Contains(text[^1].ToString()))
        {
            text.Append(breaks[random.Next(breaks.Length)]);
        }
    }

    /// <summary>
    /// Writes an integer in Chinese numerals the way documents do, independently of the
    /// reader: four-digit groups joined by 万 and 亿, one 零 for each run of zeros inside.
    /// </summary>
    private static class ChineseFormatter
    {
        private const string Digits = "零一二三四五六七八九";

        public static string Format(long value)
        {
            if (value == 0)
            {
                return "零";
            }

            var groups = new List<int>();
            for (var v = value; v > 0; v /= 10000)
            {
                groups.Add((int)(v % 10000));
            }

            string[] groupUnits = ["", "万", "亿", "万亿"];
            var text = new StringBuilder();
            var pendingZero = false;
            for (var g = groups.Count - 1; g >= 0; g--)
            {
                var group = groups[g];
                if (group == 0)
                {
                    pendingZero = text.Length > 0;
                    continue;
                }

                if (text.Length > 0 && (pendingZero || group < 1000))
                {
                    text.Append('零');
                }

                text.Append(Group(group)).Append(groupUnits[g]);
                pendingZero = false;
            }

            // 一十二 is written 十二 at the head of a number.
            var result = text.ToString();
            return result.StartsWith("一十", StringComparison.Ordinal) ? result[1..] : result;
        }

        private static string Group(int group)
        {
            string[] places = ["千", "百", "十", ""];
            var text = new StringBuilder();
            var zero = false;
            for (var i = 0; i < 4; i++)
            {
                var digit = group / (int)Math.Pow(10, 3 - i) % 10;
                if (digit == 0)
                {
                    zero = text.Length > 0;
                    continue;
                }

                if (zero)
                {
                    text.Append('零');
                    zero = false;
                }

                text.Append(Digits[digit]).Append(places[i]);
            }

            return text.ToString();
        }
    }
}
