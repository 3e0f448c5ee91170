using System.Text.RegularExpressions;

namespace Extraction.Rules;

/// <summary>
/// Every rule the extractor uses for one family of bulletins (the shared rules of
/// <c>common/</c>, with a family's overrides applied). Code holds the mechanisms; this holds
/// the vocabulary: labels, heading schemes, date forms, units and exclusions.
/// </summary>
public sealed record RuleSet(
    string Name,
    string Directory,
    string Fingerprint,
    TextFolding Folding,
    IReadOnlyList<FurnitureRule> Furniture,
    PageRules Page,
    IReadOnlyList<PatternRule> Annotations,
    IReadOnlyList<ParagraphRule> Paragraphs,
    IReadOnlyList<FieldCut> FieldCuts,
    IReadOnlyList<PatternRule> Enumerations,
    IReadOnlyList<PatternRule> DeclaredCounts,
    IReadOnlyList<PatternRule> ProgrammeYear,
    IReadOnlyList<PatternRule> InlineDepartments,
    PatternRule? ProblemItem,
    PatternRule? ProgressOpeners,
    TableRules? Table,
    SeparatorRule DepartmentSeparator,
    DateRules Dates,
    TallyRules Tallies,
    FigureRules Figures,
    MetricRules Metrics,
    DepartmentRules Departments,
    HistoryRules History,
    ColumnHeaders Columns,
    ReportLabels Report,
    OcrRepairs Ocr);

/// <summary>
/// Splits a list of names; examples show the input and the expected parts. A part that
/// <see cref="NeedsOwner"/> matches (政府 in 清丰县党委、政府) names no unit by itself and stays
/// with the part before it; <see cref="UnitEnding"/> tells a whole unit name (…局, …委, …街道)
/// from a piece of one broken by the layout.
/// </summary>
/// <param name="RoleMark">The role word a unit may carry after its name in a list (区卫健局牵头，区财政局配合): group lead or partner; cut off the name.</param>
public sealed record SeparatorRule(Regex Pattern, Regex? NeedsOwner, Regex? UnitEnding, IReadOnlyList<SplitExample> Examples, Regex? RoleMark = null);

public sealed record SplitExample(string Text, IReadOnlyList<string> Parts);

/// <summary>
/// How dates are written: the bulletin's own date, the as-of date that opens a progress
/// paragraph or statement, and the period a title or caption states anywhere in it.
/// </summary>
public sealed record DateRules(
    IReadOnlyList<PatternRule> DocumentDates,
    IReadOnlyList<AsOfRule> AsOf,
    IReadOnlyList<AsOfRule> Periods,
    int ExampleYear,
    DateOnly ExampleBulletinDate);

/// <summary>An as-of or period form, and how its captured groups become a date.</summary>
public sealed record AsOfRule(PatternRule Rule, DateResolve Resolve);

/// <summary>How the groups of a date rule (year, month, day, quarter, half) become a date.</summary>
public enum DateResolve
{
    /// <summary>Year, month and day as captured.</summary>
    Day,

    /// <summary>The last day of the month.</summary>
    MonthEnd,

    /// <summary>The last day of the quarter (group quarter: 1–4 or 一…四).</summary>
    QuarterEnd,

    /// <summary>30 June (group half = 上) or 31 December (下).</summary>
    HalfEnd,

    /// <summary>31 December.</summary>
    YearEnd,

    /// <summary>The bulletin's own date (截至目前).</summary>
    BulletinDate,

    /// <summary>The period the bulletin reports on: its title's period, else its own date (今年以来).</summary>
    ReportingPeriod,
}

/// <summary>
/// How a table-form report is read: header cells name the role of their column; a progress
/// header may carry the period its cells speak for (1—9月推进情况).
/// </summary>
/// <see cref="HeaderPart"/>: a header cell that only finishes the one before it (工程 / 名称,
/// 完成目标 / (%)) when a copied page broke the header. <see cref="StatusCell"/>: what a cell that
/// only states a status says (超额完成, 顺利推进): such a column is a status column whatever its header.
public sealed record TableRules(IReadOnlyList<ColumnRule> Columns, Regex EmptyCell, Regex? HeaderPart, Regex? StatusCell, IReadOnlyList<TableExample> Examples, string SourceFile)
{
    public IReadOnlyList<string> StatusExamples { get; init; } = [];

    public IReadOnlyList<string> StatusCounterExamples { get; init; } = [];
}

public sealed record ColumnRule(ColumnRole Role, Regex Pattern);

/// <summary>
/// What a table column holds; written in the rule files in snake_case. A group column names
/// the category of the rows it spans (工程名称 left of 序号); a task column left of the number
/// column is read as one.
/// </summary>
public enum ColumnRole { None, Number, Group, Task, Target, Departments, Partners, Persons, Progress, Completion, Status, Remark }

/// <summary>A header row and the role each of its columns must get (none for a column no rule claims).</summary>
public sealed record TableExample(string Header, IReadOnlyList<ColumnRole> Columns);
