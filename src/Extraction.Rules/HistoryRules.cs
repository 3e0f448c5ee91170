using System.Text.RegularExpressions;

namespace Extraction.Rules;

/// <summary>Department name abbreviations and aliases: the written name, and the canonical one beside it.</summary>
public sealed record DepartmentRules(
    IReadOnlyList<(string Short, string Full)> Abbreviations,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyList<(string Name, string Canonical)> Examples)
{
    /// <summary>市人社局 → 市人力资源社会保障局: an alias, else the full form of an abbreviation ending the name.</summary>
    public string Canonical(string name)
    {
        if (Aliases.TryGetValue(name, out var canonical))
        {
            return canonical;
        }

        foreach (var (shortForm, full) in Abbreviations)
        {
            if (name.EndsWith(shortForm, StringComparison.Ordinal))
            {
                return name[..^shortForm.Length] + full;
            }
        }

        return name;
    }
}

/// <summary>How task histories are built: task identity, completion, schedule status and audit thresholds.</summary>
public sealed record HistoryRules(
    double MinSimilarity,
    double RematchSimilarity,
    double MetricSimilarity,
    IReadOnlyList<string> CeilingWords,
    IReadOnlyList<PatternRule> CompletionPhrases,
    double DoneAt,
    double AheadBy,
    double BehindBy,
    IReadOnlyList<string> DoneWords,
    IReadOnlyList<ScheduleExample> ScheduleExamples,
    double StatedTolerance,
    MeasureRules Measures,
    IReadOnlyList<VerdictRule> Verdicts);

public sealed record ScheduleExample(DateOnly AsOf, double Completion, string Status);

/// <summary>How the primary measure is told: the state words before a figure, per-unit amounts, the plausibility bound.</summary>
/// <param name="CarriesState">A clause opening that speaks of what the clause before it counted (涉及, 惠及): it takes that clause's state.</param>
public sealed record MeasureRules(IReadOnlyList<StateRule> States, PatternRule CarriesState, IReadOnlyList<PatternRule> PerUnitBefore, IReadOnlyList<PatternRule> PerUnitAfter, double PlausibleAtMost);

/// <summary>Words that put a figure in a state: 已开工12个 (started), 建成4个 (completed).</summary>
public sealed record StateRule(FigureState State, PatternRule Rule);

/// <summary>What a figure counts: things started, things completed, or what is left to do.</summary>
public enum FigureState { Started, Completed, Remaining }

/// <summary>A verdict the bulletin prints: a status cell (是否达到序时进度：否) or, when <paramref name="InText"/>, a phrase of its progress text (进度滞后).</summary>
public sealed record VerdictRule(PrintedStatus Status, bool InText, PatternRule Rule);

/// <summary>What a bulletin says of a task's progress in its own words.</summary>
public enum PrintedStatus { Done, Ahead, OnSchedule, Behind, NotStarted, NotReported }
