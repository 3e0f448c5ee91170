using System.Globalization;
using System.Text;
using Extraction.Storage;

namespace Extraction.Cli.Output.Report;

/// <summary>
/// A task's completion against its time-elapsed line (序时进度), issue by issue, as a small inline
/// SVG: written by hand, a few hundred bytes a task, so that a report of hundreds of tasks stays
/// small and needs no image files. Its text is in the page's font, which draws Chinese.
/// </summary>
internal static class ReportChart
{
    private const int Width = 420;
    private const int Height = 170;
    private const int Left = 40;
    private const int Right = 26;
    private const int Top = 22;
    private const int Bottom = 30;

    /// <summary>The chart of <paramref name="reports"/> (one task's, in issue order); null when none has a completion or elapsed time.</summary>
    public static string? Svg(IReadOnlyList<ReportRow> reports, ReportText text)
    {
        if (reports.All(r => r.Completion is null))
        {
            return null;
        }

        // Done tasks (100%) sit below the top; a completion of 130% stretches the axis to 140.
        var highest = reports.Max(r => Math.Max(r.Completion ?? 0, r.Elapsed ?? 0));
        var top = Math.Max(100, Math.Ceiling(highest / 20) * 20);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double X(int i) => Left + (reports.Count == 1 ? plotWidth / 2.0 : plotWidth * i / (reports.Count - 1.0));
        double Y(double v) => Top + plotHeight * (1 - (v / top));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Html.Escape(text["chart_title"])}\">");
        for (var v = 0.0; v <= top; v += top > 100 ? 20 : 25)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/><text class=\"axis\" x=\"{Left - 4}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v:0}%</text>");
        }

        // Eight issue labels fit under the plot; of more, every second (third …) and the last are named.
        var every = (int)Math.Ceiling(reports.Count / 8.0);
        for (var i = 0; i < reports.Count; i++)
        {
            if (i != reports.Count - 1 && (i % every != 0 || reports.Count - 1 - i < every))
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Html.Escape(text.Issue(reports[i].Issue))}</text>");
        }

        Line(svg, reports, r => r.Elapsed, X, Y, "elapsed");
        Line(svg, reports, r => r.Completion, X, Y, "completion");
        for (var i = 0; i < reports.Count; i++)
        {
            if (reports[i].Completion is { } c)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"completion\" cx=\"{X(i):0.#}\" cy=\"{Y(c):0.#}\" r=\"3\"/><text class=\"value\" x=\"{X(i):0.#}\" y=\"{Y(c) - 6:0.#}\" text-anchor=\"middle\">{c:0.#}</text>");
            }
        }

        // The legend: two short strokes with their names, above the plot.
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"completion\" x1=\"{Left}\" x2=\"{Left + 18}\" y1=\"10\" y2=\"10\"/><text class=\"legend\" x=\"{Left + 22}\" y=\"14\">{Html.Escape(text["chart_completion"])}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"elapsed\" x1=\"{Left + 110}\" x2=\"{Left + 128}\" y1=\"10\" y2=\"10\"/><text class=\"legend\" x=\"{Left + 132}\" y=\"14\">{Html.Escape(text["chart_elapsed"])}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A polyline through the reports that have a value; a report without one is skipped, not drawn at 0.</summary>
    private static void Line(StringBuilder svg, IReadOnlyList<ReportRow> reports, Func<ReportRow, double?> value, Func<int, double> x, Func<double, double> y, string css)
    {
        var points = reports.Select((r, i) => (i, v: value(r))).Where(p => p.v is not null).Select(p => string.Create(CultureInfo.InvariantCulture, $"{x(p.i):0.#},{y(p.v!.Value):0.#}")).ToList();
        if (points.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{css}\" points=\"{string.Join(' ', points)}\"/>");
        }
    }
}
