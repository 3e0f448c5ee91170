using System.Globalization;
using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// How complete a report is, in %: a progress figure against the target it measures (same unit,
/// similar metric: 19572人 of 3.8万人 → 51.5%), else a percentage the text states as the
/// completion (完成率为97.8%, 占目标的60%).
/// </summary>
public sealed class CompletionCalculator(HistoryRules rules, TextFolding folding)
{
    private const int PhraseWindow = 24;

    /// <param name="taskText">The task's text, where a target written as a ceiling (压缩至3个) shows itself.</param>
    public Completion? FromFigures(IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress, string taskText = "") =>
        AllFromFigures(targets, progress, taskText).FirstOrDefault();

    /// <summary>
    /// One completion per target that a progress figure measures, in the task's order: a task with
    /// several targets (4个中心, 200户改造) has one for each, and a stated rate may speak of any.
    /// </summary>
    /// <param name="anyMetric">Pair figures by unit alone: enough to explain a stated rate, too loose to give a completion.</param>
    public IEnumerable<Completion> AllFromFigures(IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress, string taskText = "", bool anyMetric = false)
    {
        foreach (var target in targets.Where(t => Measures(t) && t.Value > 1 && !IsCeiling(t, taskText)))
        {
            // A progress figure equal to a target restates it (全市46套周转宿舍项目正在建设,
            // 已分别提高至286元、178元): it is not an amount achieved towards this target.
            var achieved = progress.FirstOrDefault(p => Measures(p) && p.Unit == target.Unit && !targets.Any(t => t.Unit == p.Unit && t.Value == p.Value) && (anyMetric || SameMetric(target, p)));
            if (achieved is not null)
            {
                var percent = achieved.Value / target.Value * 100;
                yield return new Completion(percent, "figures", $"{achieved.Raw} of {target.Raw}");
            }
        }
    }

    public Completion? Stated(string progressText, IReadOnlyList<StoredFigure> progress)
    {
        var text = folding.Fold(progressText);
        foreach (var figure in progress.Where(f => f.Unit == "%" && f.Change is null))
        {
            var at = (int)Math.Min(figure.Start, text.Length);
            var before = text[Math.Max(0, at - PhraseWindow)..at];
            if (rules.CompletionPhrases.Any(p => p.Pattern.IsMatch(before)))
            {
                return new Completion(figure.Value, "stated", figure.Raw);
            }
        }

        return null;
    }

    /// <summary>The completion of a report: from its figures when they measure its target, else as stated.</summary>
    public Completion? Of(IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress, string taskText, string progressText) =>
        FromFigures(targets, progress, taskText) ?? Stated(progressText, progress);

    private bool IsCeiling(StoredFigure target, string taskText)
    {
        if (target.Qualifier is "at_most" or "less_than")
        {
            return true;
        }

        var at = (int)Math.Min(target.Start, taskText.Length);
        var before = taskText[Math.Max(0, at - 8)..at];
        return rules.CeilingWords.Any(w => before.EndsWith(w, StringComparison.Ordinal) || before.Contains(w + "不", StringComparison.Ordinal));
    }

    private static bool Measures(StoredFigure f) =>
        f.Unit.Length > 0 && f.Change is null && f.Kind is not ("percent" or "rank" or "ratio") && f.Value > 0;

    private bool SameMetric(StoredFigure target, StoredFigure achieved) =>
        target.Metric is null || achieved.Metric is null
        || target.Metric.Contains(achieved.Metric, StringComparison.Ordinal)
        || achieved.Metric.Contains(target.Metric, StringComparison.Ordinal)
        || TextSimilarity.Overlap(target.Metric, achieved.Metric) >= rules.MetricSimilarity;
}

/// <summary>A completion in %, how it was found (figures or stated), and from what.</summary>
public sealed record Completion(double Percent, string Basis, string Detail)
{
    public override string ToString() => $"{Percent.ToString("0.#", CultureInfo.InvariantCulture)}% ({Basis}: {Detail})";
}
