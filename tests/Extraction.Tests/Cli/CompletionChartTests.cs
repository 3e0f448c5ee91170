using System.Text;
using System.Text.RegularExpressions;
using Extraction.Cli.Output;
using Extraction.Storage;

namespace Extraction.Tests.Cli;

/// <summary>The completion chart: Chinese labels, one legend entry per task followed, and an axis no misread figure stretches.</summary>
public sealed class CompletionChartTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void A_far_out_completion_does_not_stretch_the_axis()
    {
        // Sorted: 5, 12.5, 37.5, 51.5, 79.3, 103.2, 1000. Quartiles 25 and 91.25, so the fence is
        // 91.25 + 3 × 66.25 = 290: 1000 is far out, 103.2 is the highest kept, and the axis ends at 110.
        Assert.Equal(110, CompletionChart.AxisTop([37.5, 51.5, 79.3, 103.2, 5, 12.5, 1000]));

        // Four believable reports: the axis grows to the next ten above the highest.
        Assert.Equal(130, CompletionChart.AxisTop([84.6, 97.1, 107.7, 120.8]));
        Assert.Equal(110, CompletionChart.AxisTop([12, 40]));
        Assert.Equal(110, CompletionChart.AxisTop([]));
    }

    [Theory]
    [InlineData("深入实施就业优先政策，重点做好高校毕业生就业工作。", "深入实施就业优先政策…")]
    [InlineData("六峰路、和平路交叉路口新建一座过街天桥。", "六峰路、和平路交叉路…")]
    [InlineData("新增城镇就业：3.8万人", "新增城镇就业…")]
    [InlineData("过街天桥", "过街天桥")]
    public void A_legend_entry_names_the_task_by_the_opening_of_its_text(string text, string expected) =>
        Assert.Equal(expected, CompletionChart.ShortLabel(text));

    [Fact]
    public void Labels_are_chinese_in_a_chinese_font_and_tasks_of_three_years_are_three_entries()
    {
        var svg = Draw(Points(), "Noto Sans CJK SC");

        Assert.Contains("font-family=\"Noto Sans CJK SC\"", svg);
        string[] expected = ["完成率与序时进度", "完成率 (%)", "日期", "1 深入实施就业优先政策… (2019)", "1 深入实施就业优先政策… (2020)", "1 新增城镇就业… (2021)", "序时进度 2020年"];
        var texts = Texts(svg);
        Assert.All(expected, label => Shows(texts, label));
    }

    [Fact]
    public void A_point_above_the_axis_is_marked_on_its_edge_with_its_value()
    {
        var svg = Draw(Points(outlier: 1000), "Noto Sans CJK SC");
        var texts = Texts(svg);

        Assert.Contains("1000%", texts);
        Shows(texts, "超出坐标轴（旁注实际值）");
        Assert.Contains("110", texts);
        Assert.DoesNotContain("120", texts);
    }

    [Fact]
    public void Without_a_chinese_font_the_labels_are_english_and_tasks_go_by_number()
    {
        var texts = Texts(Draw(Points(), font: null));

        Assert.Contains("completion (%)", texts);
        Assert.Contains("task 1 (2019)", texts);
        Assert.DoesNotContain(texts, t => t.Any(c => c >= '\u4E00' && c <= '\u9FFF'));
    }

    private string Draw(QueryResult points, string? font)
    {
        var file = dir.File($"{Guid.NewGuid():N}.svg");
        CompletionChart.Write(file, points, font);
        return File.ReadAllText(file);
    }

    /// <summary>
    /// The text of every text element of an SVG, in compatibility form: Skia writes each glyph
    /// as the first character the font maps to it, and Noto Sans CJK maps 日 and the radical ⽇ to one.
    /// </summary>
    private static List<string> Texts(string svg) =>
        [.. Regex.Matches(svg, "<text[^>]*>\\s*([^<]*?)\\s*</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Normalize(NormalizationForm.FormKC))];

    private static void Shows(List<string> texts, string label) => Assert.Contains(label.Normalize(NormalizationForm.FormKC), texts);

    /// <summary>Task 1 of three series, one per year, as three identities; 2020's task with a misread report when asked.</summary>
    private static QueryResult Points(double? outlier = null)
    {
        const string jobs = "深入实施就业优先政策，重点做好高校毕业生就业工作。";
        List<object?[]> rows =
        [
            [1L, 1L, "2019-06-30", 40.0, 2019L, jobs, "专项督查快报"],
            [1L, 1L, "2019-11-30", 96.0, 2019L, jobs, "专项督查快报"],
            [2L, 1L, "2020-04-30", 37.5, 2020L, jobs, "专项督查快报"],
            [2L, 1L, "2020-07-31", outlier ?? 79.3, 2020L, jobs, "专项督查快报"],
            [2L, 1L, "2020-11-30", 103.2, 2020L, jobs, "专项督查快报"],
            [3L, 1L, "2021-05-31", 51.5, 2021L, "新增城镇就业：3.8万人", "专项督查快报"],
            [3L, 1L, "2021-09-30", 88.0, 2021L, "新增城镇就业：3.8万人", "专项督查快报"],
        ];
        return new QueryResult(["identity_id", "identity_number", "as_of", "completion", "year", "task", "series"], rows);
    }
}
