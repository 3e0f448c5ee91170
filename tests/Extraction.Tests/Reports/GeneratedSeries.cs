using System.Globalization;
using System.Text;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Reports;

/// <summary>
/// An invented series in the corpus's text layout — 12 monthly issues of 30 tasks in three
/// categories, by an invented issuer — ingested once: large enough to measure a report by,
/// with known answers. Every task's target is 20 + 3n units; task n reports, at month m,
/// round(target × m/12 × pace) with pace 1.1, 1.0, 0.8, 0.6 for n mod 4 = 0, 1, 2, 3 (capped at
/// the target), so that in the last issue the 15 tasks of n mod 4 ≤ 1 are done and the other 15
/// behind. Task 2 falls by 8 units in issue 6 (a cumulative decrease), task 3 is marked not
/// reported (—) in issue 5, and task 1's text holds &lt;, &gt; and &amp;, which the page must escape.
/// </summary>
public sealed class GeneratedSeries : IDisposable
{
    public const int Tasks = 30;
    public const int Issues = 12;

    private static readonly string[] Units = ["市住房城乡建设局", "市教育局", "市卫生健康委", "市民政局", "市交通运输局", "市水利局"];
    private static readonly (string Thing, string Unit, string Verb)[] Kinds = [("社区服务站", "个", "建成"), ("公共充电桩", "个", "建成"), ("农村公路", "公里", "改造")];
    private static readonly double[] Pace = [1.1, 1.0, 0.8, 0.6];

    private readonly TempDirectory dir = new();

    public GeneratedSeries()
    {
        var folder = Directory.CreateDirectory(dir.File("bulletins")).FullName;
        for (var month = 1; month <= Issues; month++)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, $"demo-2021-{month:00}.txt"), Bulletin(month), Encoding.UTF8);
        }

        Path = dir.File("generated.db");
        var (exit, _, error) = CliRunner.Run("ingest", folder, "--db", Path, "--rules", TestPaths.Rules, "-q");
        Assert.True(exit == 0, error);
    }

    public string Path { get; }

    public static string Series => "示例督查通报";

    public string File(string name) => dir.File(name);

    public void Dispose() => dir.Dispose();

    private static string Bulletin(int month)
    {
        var lastDay = DateTime.DaysInMonth(2021, month);
        var b = new StringBuilder();
        void Line(string text) => b.Append(text).Append("\n\n");
        Line(Series);
        Line($"第 {month} 期");
        Line("示例市人民政府督查室");
        Line($"2021年{month}月{lastDay}日");
        Line("2021年示例市重点民生实事进展情况通报");
        Line($"2021年示例市重点民生实事共涉及3大类{Tasks}项具体任务，截至{month}月底，进展情况如下：");
        Line("一、工作进展情况");
        var n = 0;
        for (var category = 0; category < Kinds.Length; category++)
        {
            Line($"（{"一二三"[category]}）第{category + 1}类任务");
            var (thing, unit, verb) = Kinds[category];
            for (var k = 0; k < Tasks / Kinds.Length; k++)
            {
                n++;
                var target = 20 + (n * 3);
                var name = $"{"甲乙丙丁戊己庚辛壬癸"[k]}区{thing}";
                var extra = n == 1 ? "（含A&B型<示范>站点）" : "";
                Line($"{n}.全年{verb}{name}{extra}{target}{unit}。");
                Line($"主要责任部门：{Units[n % Units.Length]}");
                if (n == 3 && month == 5)
                {
                    Line("进展情况：—");
                    continue;
                }

                var done = Math.Min(target, (int)Math.Round(target * month / 12.0 * Pace[n % 4], MidpointRounding.AwayFromZero));
                if (n == 2 && month == 6)
                {
                    done -= 8;
                }

                Line(string.Create(CultureInfo.InvariantCulture, $"进展情况：截至{month}月底，已{verb}{name}{done}{unit}，完成全年目标任务的{done * 100.0 / target:0.0}%。"));
            }
        }

        if (month % 3 == 0)
        {
            Line("二、总体情况");
            Line($"截至{month}月底，已完成{month}项，滞后5项。");
        }

        return b.ToString();
    }
}
