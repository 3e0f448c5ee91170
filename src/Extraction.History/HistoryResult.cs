namespace Extraction.History;

/// <summary>Everything the history derives, for the storage layer to write in one transaction.</summary>
public sealed record HistoryResult(
    IReadOnlyList<SeriesResult> Series,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<NamedRow> CanonicalDepartments)
{
    public int TaskIdentities => Series.Sum(s => s.Identities.Count);
}

/// <summary>Bulletins of one issuer, series name and programme year, and the tasks followed through them.</summary>
public sealed record SeriesResult(string Key, string? Issuer, string? Series, int? Year, IReadOnlyList<long> BulletinIds, IReadOnlyList<IdentityResult> Identities);

/// <summary>One task through the issues: its number and label in the latest issue, and each issue's task linked to it.</summary>
public sealed record IdentityResult(int Number, string Label, IReadOnlyList<TaskLink> Links);

/// <summary>
/// How a task stands in one bulletin: its completion (on the primary measure, else as stated),
/// the time elapsed, the computed status, the status the bulletin prints, and every measure.
/// </summary>
public sealed record Assessment(
    long TaskId,
    double? Completion,
    string? Basis,
    string? Detail,
    double? Elapsed,
    string? Status,
    PrintedVerdict? Printed,
    IReadOnlyList<Measure> Measures);

/// <summary>A verdict the bulletin prints, as normalised by a verdict rule, and the words it used.</summary>
public sealed record PrintedVerdict(Rules.PrintedStatus Status, string Raw, string RuleId);

/// <summary>One quantified target of a task and the progress figure that measures it, if any.</summary>
public sealed record Measure(int Ordinal, bool Primary, StoredFigure Target, Rules.FigureState State, StoredFigure? Achieved)
{
    public double? Completion => Achieved is { } a ? a.Value / Target.Value * 100 : null;

    public string Detail => Achieved is { } a ? $"{a.Raw} of {Target.Raw}" : Target.Raw;
}
