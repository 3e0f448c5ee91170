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
    double StatedTolerance);

public sealed record ScheduleExample(DateOnly AsOf, double Completion, string Status);
