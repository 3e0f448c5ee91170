namespace Extraction.History;

/// <summary>What the history is derived from: the stored bulletins, as the storage layer reads them.</summary>
public sealed record HistoryFacts(
    IReadOnlyList<BulletinFacts> Bulletins,
    IReadOnlyList<TaskFacts> Tasks,
    IReadOnlyList<ReportFacts> Reports,
    IReadOnlyList<StoredFigure> Figures,
    IReadOnlyList<NamedRow> Departments);

public sealed record BulletinFacts(long Id, string? Issuer, string? Series, int? Year, DateOnly? Date, int? Issue)
{
    /// <summary>The year the programme runs in: the bulletin's year, else its date's.</summary>
    public int? ProgrammeYear => Year ?? Date?.Year;
}

/// <param name="Verdict">What the bulletin prints as the task's status (是否达到序时进度：否, 进展情况：—), or null.</param>
public sealed record TaskFacts(long Id, long BulletinId, int Number, string Text, string? Verdict);

public sealed record ReportFacts(long TaskId, DateOnly? AsOf, string Text);

/// <summary>A row with an id and a text: a department's name.</summary>
public sealed record NamedRow(long Id, string Text);
