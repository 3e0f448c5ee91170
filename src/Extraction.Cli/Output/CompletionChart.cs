using System.Globalization;
using Extraction.Storage;
using ScottPlot;

namespace Extraction.Cli.Output;

/// <summary>
/// Completion over time, one line per task, against the line of time elapsed (序时进度) from
/// 0% on 1 January to 100% on 31 December. Labels are in Latin letters: a machine without
/// Chinese fonts draws them too.
/// </summary>
internal static class CompletionChart
{
    /// <param name="points">Rows of identity id, task number, ISO date, completion %, programme year.</param>
    public static void Write(string path, QueryResult points)
    {
        var plot = new Plot();
        var years = new HashSet<int>();
        foreach (var task in points.Rows.GroupBy(r => (long)r[0]!))
        {
            var rows = task.ToList();
            var xs = rows.Select(r => Date(r[2]).ToOADate()).ToArray();
            var ys = rows.Select(r => Convert.ToDouble(r[3], CultureInfo.InvariantCulture)).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = $"task {rows[0][1]}";
            line.MarkerSize = 7;
            line.LineWidth = 2;
            foreach (var row in rows)
            {
                years.Add(row[4] is null ? Date(row[2]).Year : Convert.ToInt32(row[4], CultureInfo.InvariantCulture));
            }
        }

        foreach (var year in years)
        {
            var elapsed = plot.Add.Line(new DateTime(year, 1, 1).ToOADate(), 0, new DateTime(year, 12, 31).ToOADate(), 100);
            elapsed.LegendText = $"time elapsed {year}";
            elapsed.LinePattern = LinePattern.Dashed;
            elapsed.Color = Colors.Gray;
        }

        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = date => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
        plot.Title("Completion against time elapsed");
        plot.YLabel("completion (%)");
        plot.XLabel("as of");
        plot.ShowLegend(Alignment.UpperLeft);
        if (Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase))
        {
            plot.SavePng(path, 900, 560);
        }
        else
        {
            plot.SaveSvg(path, 900, 560);
        }
    }

    private static DateTime Date(object? iso) => DateTime.ParseExact((string)iso!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
