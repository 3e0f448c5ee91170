using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// The measures of a report: each quantified target of the task (the first is the primary
/// measure) with the progress figure that reports the same quantity in the same state —
/// same unit, a similar metric, and not started where the target is to complete
/// (12 of 14 estates 开工 is not 12 of 14 完成). Also the completion the text states
/// (完成率为97.8%, 占目标的60%).
/// </summary>
public sealed class MeasureReader(HistoryRules rules, TextFolding folding)
{
    private const int PhraseWindow = 24;
    private const int StateWindow = 12;
    private const int PerUnitWindow = 18;

    /// <summary>One measure per quantified target, in the task's order; the first is primary.</summary>
    public IReadOnlyList<Measure> Measures(IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress, string taskText, string progressText)
    {
        var measured = targets.Where(t => Quantity(t) && t.Value > 1 && !IsCeiling(t, taskText) && !IsPerUnit(t, taskText)).ToList();
        var totals = progress
            .Where(p => Quantity(p) && !IsPerUnit(p, progressText) && (!targets.Any(t => t.Unit == p.Unit && t.Value == p.Value) || StateOf(p, progressText) == FigureState.Completed || CompletedAfter(p, progressText)))
            .ToList();
        var used = new HashSet<StoredFigure>();
        var measures = new List<Measure>();
        foreach (var target in measured)
        {
            var state = StateOf(target, taskText) is FigureState.Started ? FigureState.Started : FigureState.Completed;
            var achieved = Achieved(target, state, totals.Where(p => !used.Contains(p)).ToList(), measured, progressText);
            if (achieved is not null)
            {
                used.Add(achieved);
            }

            measures.Add(new Measure(measures.Count + 1, measures.Count == 0, target, state, achieved));
        }

        return measures;
    }

    /// <summary>
    /// The progress figure that measures a target: of its unit, in its state or in none (a
    /// target to start is also met by what was completed), with a similar metric unless it is
    /// the only figure of the unit for the only target of it; the one in the target's state and
    /// of the most similar metric first, then in reading order.
    /// </summary>
    private StoredFigure? Achieved(StoredFigure target, FigureState state, IReadOnlyList<StoredFigure> totals, IReadOnlyList<StoredFigure> targets, string progressText)
    {
        var candidates = new List<(StoredFigure Figure, int Rank)>();
        foreach (var figure in totals.Where(p => p.Unit == target.Unit))
        {
            var reported = StateOf(figure, progressText);
            if (reported is FigureState.Remaining || (reported is { } s && s != state && !(state == FigureState.Started && s == FigureState.Completed)))
            {
                continue;
            }

            var similar = SameMetric(target, figure);
            if (similar || Alone(target, figure, targets, totals))
            {
                candidates.Add((figure, (reported == state ? 2 : 0) + (similar ? 1 : 0)));
            }
        }

        return candidates.OrderByDescending(c => c.Rank).Select(c => c.Figure).FirstOrDefault();
    }

    /// <summary>Targets that are an amount per head (每人300元) met by a total of the same unit in the progress (发放378万元).</summary>
    public IEnumerable<(StoredFigure Target, StoredFigure Total)> PerUnitAgainstTotals(IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress, string taskText, string progressText)
    {
        foreach (var target in targets.Where(t => Quantity(t) && IsPerUnit(t, taskText)))
        {
            var total = progress.FirstOrDefault(p => Quantity(p) && p.Unit == target.Unit && p.Value > target.Value && !IsPerUnit(p, progressText));
            if (total is not null)
            {
                yield return (target, total);
            }
        }
    }

    /// <summary>A percentage the progress text states as the completion, after a completion phrase.</summary>
    public Completion? Stated(string progressText, IReadOnlyList<StoredFigure> progress)
    {
        var text = folding.Fold(progressText);
        foreach (var figure in progress.Where(f => f.Unit == "%" && f.Change is null))
        {
            var before = Before(text, figure.Start, PhraseWindow);
            if (rules.CompletionPhrases.Any(p => p.Pattern.IsMatch(before)))
            {
                return new Completion(figure.Value, "stated", figure.Raw);
            }
        }

        return null;
    }

    /// <summary>
    /// The state the words just before a figure put it in, within its clause (the nearest word
    /// wins), or null; a clause opening with 涉及 or 惠及 takes the state of the clause before it.
    /// </summary>
    public FigureState? StateOf(StoredFigure figure, string text)
    {
        var at = (int)Math.Min(figure.Start, text.Length);
        var start = ClauseStart(text, at);
        var clause = text[Math.Max(start, at - StateWindow)..at];
        if (Nearest(clause) is { } state)
        {
            return state;
        }

        if (start > 0 && rules.Measures.CarriesState.Pattern.IsMatch(text[start..at]))
        {
            var previous = start - 1;
            return Nearest(text[Math.Max(ClauseStart(text, previous), previous - StateWindow)..previous]);
        }

        return null;
    }

    /// <summary>Whether the rest of a figure's clause says it is complete (5所幼儿园已全部建成).</summary>
    private bool CompletedAfter(StoredFigure figure, string text)
    {
        var at = (int)Math.Min(figure.Start + figure.Raw.Length, text.Length);
        var end = text.IndexOfAny(ClauseEnds, at) is var e and >= 0 ? e : text.Length;
        return Nearest(text[at..Math.Min(end, at + StateWindow)]) == FigureState.Completed;
    }

    private static int ClauseStart(string text, int at) => text.LastIndexOfAny(ClauseEnds, Math.Max(0, at - 1)) + 1 is var i && i <= at ? i : 0;

    private static readonly char[] ClauseEnds = ['，', '。', '；', ',', ';', '、', '：'];

    private FigureState? Nearest(string words)
    {
        FigureState? state = null;
        var end = -1;
        foreach (var rule in rules.Measures.States)
        {
            foreach (System.Text.RegularExpressions.Match m in rule.Rule.Pattern.Matches(words))
            {
                if (m.Index + m.Length > end)
                {
                    (state, end) = (rule.State, m.Index + m.Length);
                }
            }
        }

        return state;
    }

    /// <summary>An amount per person, household or month (每人发放300元, 300元/人), not a quantity to reach.</summary>
    public bool IsPerUnit(StoredFigure figure, string text)
    {
        var before = Before(text, figure.Start, PerUnitWindow);
        var at = (int)Math.Min(figure.Start + figure.Raw.Length, text.Length);
        var after = text[at..Math.Min(text.Length, at + PerUnitWindow)];
        return rules.Measures.PerUnitBefore.Any(r => r.Pattern.IsMatch(before)) || rules.Measures.PerUnitAfter.Any(r => r.Pattern.IsMatch(after));
    }

    private static string Before(string text, long start, int window)
    {
        var at = (int)Math.Min(start, text.Length);
        return text[Math.Max(0, at - window)..at];
    }

    /// <summary>The only progress figure of the target's unit, for the only target of that unit: they speak of each other whatever their metrics.</summary>
    private static bool Alone(StoredFigure target, StoredFigure achieved, IReadOnlyList<StoredFigure> targets, IReadOnlyList<StoredFigure> progress) =>
        targets.Count(t => t.Unit == target.Unit) == 1 && progress.Count(p => p.Unit == achieved.Unit) == 1;

    private bool IsCeiling(StoredFigure target, string taskText)
    {
        if (target.Qualifier is "at_most" or "less_than")
        {
            return true;
        }

        var before = Before(taskText, target.Start, 8);
        return rules.CeilingWords.Any(w => before.EndsWith(w, StringComparison.Ordinal) || before.Contains(w + "不", StringComparison.Ordinal));
    }

    private static bool Quantity(StoredFigure f) =>
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
    public override string ToString() => $"{Percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% ({Basis}: {Detail})";
}
