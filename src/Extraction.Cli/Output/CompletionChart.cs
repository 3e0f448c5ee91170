using System.Globalization;
using Extraction.Storage;
using ScottPlot;

namespace Extraction.Cli.Output;

/// <summary>
/// Completion over time, one line per task followed through its series, against the line of
/// time elapsed (序时进度) from 0% on 1 January to 100% on 31 December; the legend beside the
/// plot names each task by its number and the opening of its text. Labels are Chinese in a
/// font that draws them, else English.
/// </summary>
internal static class CompletionChart
{
    private const int Width = 1100;
    private const int Height = 600;

    /// <summary>The y-axis reaches at least this far, so that done tasks (100%) sit below its top.</summary>
    private const double AxisFloor = 110;

    private const float LegendFontSize = 13;

    /// <summary>Characters of a task's text in its legend entry.</summary>
    private const int LabelLength = 10;

    /// <param name="points">Rows of identity id, task number, ISO date, completion %, programme year, task label, series.</param>
    /// <param name="font">A font that draws Chinese, or null: the labels are then English and tasks go by number.</param>
    public static void Write(string path, QueryResult points, string? font)
    {
        var labels = font is null ? Labels.English : Labels.Chinese;
        // Twenty-five distinct colours: a series has more than ten tasks, and ten colours would give two tasks one.
        var plot = new Plot();
        plot.Add.Palette = new ScottPlot.Palettes.Tsitsulin();
        if (font is not null)
        {
            plot.Font.Set(font);
            plot.Legend.FontName = font;
        }

        var top = AxisTop([.. points.Rows.Select(Completion)]);
        var tasks = points.Rows.GroupBy(r => (long)r[0]!).ToList();
        var years = tasks.Select(t => Year(t.First())).Distinct().Count();
        var series = tasks.Select(t => t.First()[6] as string).Distinct().Count();
        foreach (var task in tasks)
        {
            var rows = task.ToList();
            var first = rows[0];
            var suffix = years > 1 ? $" ({Year(first)})" : series > 1 ? $" ({first[6]})" : "";
            var line = plot.Add.Scatter(rows.Select(X).ToArray(), rows.Select(r => Math.Min(Completion(r), top)).ToArray());
            line.LegendText = labels.Task(CellText.Format(first[1]), ShortLabel(first[5] as string ?? "")) + suffix;
            line.MarkerSize = 7;
            line.LineWidth = 2;
        }

        MarkClipped(plot, points.Rows.Where(r => Completion(r) > top).ToList(), top, labels);
        foreach (var year in tasks.Select(t => Year(t.First())).Distinct().Order())
        {
            var elapsed = plot.Add.Line(new DateTime(year, 1, 1).ToOADate(), 0, new DateTime(year, 12, 31).ToOADate(), 100);
            elapsed.LegendText = labels.Elapsed(year);
            elapsed.LinePattern = LinePattern.Dashed;
            elapsed.Color = Colors.Gray;
        }

        MonthTicks(plot, points.Rows.Select(X).Concat(tasks.Select(t => new DateTime(Year(t.First()), 1, 1).ToOADate())).ToList());
        plot.Axes.SetLimitsY(-0.04 * top, 1.06 * top);
        plot.Title(labels.Title);
        plot.YLabel(labels.Y);
        plot.XLabel(labels.X);
        LegendBeside(plot, font);
        if (Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            plot.SavePng(path, Width, Height);
        }
        else
        {
            plot.SaveSvg(path, Width, Height);
        }
    }

    /// <summary>
    /// The top of the y-axis: <see cref="AxisFloor"/>, or the highest completion that is not far
    /// out (above the upper quartile by more than three interquartile ranges), up to the next ten.
    /// A misread figure (1000%) then leaves the other lines their height.
    /// </summary>
    internal static double AxisTop(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return AxisFloor;
        }

        var sorted = values.Order().ToList();
        var (q1, q3) = (Quantile(sorted, 0.25), Quantile(sorted, 0.75));
        var fence = q3 + (3 * (q3 - q1));
        var highest = sorted.Where(v => v <= fence).DefaultIfEmpty(0).Max();
        return Math.Max(AxisFloor, Math.Ceiling(highest / 10) * 10);
    }

    /// <summary>The task's text up to its first comma or stop, at most <see cref="LabelLength"/> characters: 深入实施就业优先政策….</summary>
    internal static string ShortLabel(string text)
    {
        var cut = text.IndexOfAny(['，', '。', '；', '：', ',', ';']);
        var head = (cut > 0 ? text[..cut] : text).TrimEnd('…');
        return head.Length > LabelLength ? head[..LabelLength] + "…" : head.Length < text.Length ? head + "…" : head;
    }

    /// <summary>
    /// A tick on the first of every month (of every second or third month over longer spans)
    /// from January of the first year to the January after the last: the date axis's own ticks
    /// fall at the ends of months and are labelled with the month before.
    /// </summary>
    private static void MonthTicks(Plot plot, List<double> dates)
    {
        var first = DateTime.FromOADate(dates.Min());
        var last = DateTime.FromOADate(dates.Max());
        var start = new DateTime(first.Year, 1, 1);
        var end = new DateTime(last.Year + 1, 1, 1);
        var step = Math.Max(1, (end.Year - start.Year) * 12 / 13 + 1);
        var ticks = new List<DateTime>();
        for (var month = start; month <= end; month = month.AddMonths(step))
        {
            ticks.Add(month);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(t => t.ToOADate())],
            [.. ticks.Select(t => t.ToString("yyyy-MM", CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(start.AddDays(-7).ToOADate(), end.AddDays(7).ToOADate());
    }

    /// <summary>
    /// The legend in a panel right of the plot, its labels moved down onto their symbols: the
    /// legend puts a label's baseline above the bottom of its line by the font's lowest glyph
    /// extent, which in a CJK font (12.6 px at 12 px in Noto Sans CJK, against a descent of 3.5)
    /// lifts the label off its line and cuts the first one at the frame.
    /// </summary>
    private static void LegendBeside(Plot plot, string? font)
    {
        plot.Legend.FontSize = LegendFontSize;
        using var typeface = SkiaSharp.SKFontManager.Default.MatchFamily(font ?? Fonts.Default);
        using var metrics = new SkiaSharp.SKFont(typeface, LegendFontSize);
        var items = plot.Legend.GetItems();
        foreach (var item in items)
        {
            item.LabelOffsetY = metrics.Metrics.Bottom - metrics.Metrics.Descent;
        }

        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>Points above the axis are drawn on its top edge as ▲, with their value beside them.</summary>
    private static void MarkClipped(Plot plot, List<object?[]> rows, double top, Labels labels)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var marks = plot.Add.ScatterPoints(rows.Select(X).ToArray(), rows.Select(_ => top).ToArray());
        marks.MarkerShape = MarkerShape.FilledTriangleUp;
        marks.MarkerSize = 12;
        marks.Color = Colors.Red;
        marks.LegendText = labels.Clipped;
        foreach (var row in rows)
        {
            var value = plot.Add.Text(Completion(row).ToString("0.#", CultureInfo.InvariantCulture) + "%", X(row), top);
            value.LabelFontColor = Colors.Red;
            value.LabelFontSize = 12;
            value.LabelAlignment = Alignment.MiddleLeft;
            value.OffsetX = 8;
        }
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var at = q * (sorted.Count - 1);
        var below = (int)Math.Floor(at);
        return below + 1 < sorted.Count ? sorted[below] + ((at - below) * (sorted[below + 1] - sorted[below])) : sorted[below];
    }

    private static double X(object?[] row) => DateTime.ParseExact((string)row[2]!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToOADate();

    private static double Completion(object?[] row) => Convert.ToDouble(row[3], CultureInfo.InvariantCulture);

    private static int Year(object?[] row) => row[4] is null
        ? DateTime.ParseExact((string)row[2]!, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year
        : Convert.ToInt32(row[4], CultureInfo.InvariantCulture);

    private sealed record Labels(string Title, string Y, string X, string Clipped, Func<int, string> Elapsed, Func<string, string, string> Task)
    {
        public static readonly Labels Chinese = new("完成率与序时进度", "完成率 (%)", "日期", "超出坐标轴（旁注实际值）", y => $"序时进度 {y}年", (n, text) => $"{n} {text}");

        public static readonly Labels English = new("Completion against time elapsed", "completion (%)", "as of", "beyond the axis (value beside)", y => $"time elapsed {y}", (n, _) => $"task {n}");
    }
}
