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
    IReadOnlyList<PatternRule> Furniture,
    IReadOnlyList<PatternRule> Paragraphs,
    IReadOnlyList<PatternRule> DeclaredCounts,
    IReadOnlyList<PatternRule> ProgrammeYear,
    IReadOnlyList<PatternRule> InlineDepartments,
    PatternRule? ProblemItem,
    TableRules? Table,
    SeparatorRule DepartmentSeparator,
    DateRules Dates,
    FigureRules Figures,
    MetricRules Metrics,
    DepartmentRules Departments,
    HistoryRules History);

/// <summary>Splits a list of names; examples show the input and the expected parts.</summary>
public sealed record SeparatorRule(Regex Pattern, IReadOnlyList<SplitExample> Examples);

public sealed record SplitExample(string Text, IReadOnlyList<string> Parts);

/// <summary>How dates are written: the bulletin's own date and the as-of date of a progress paragraph.</summary>
public sealed record DateRules(
    IReadOnlyList<PatternRule> DocumentDates,
    IReadOnlyList<AsOfRule> AsOf,
    int ExampleYear,
    DateOnly ExampleBulletinDate);

/// <summary>
/// An as-of form. <see cref="Resolve"/> says how the captured groups become a date:
/// <c>day</c>, <c>month_end</c>, <c>quarter_end</c>, <c>half_end</c>, <c>year_end</c> or <c>bulletin_date</c>.
/// </summary>
public sealed record AsOfRule(PatternRule Rule, string Resolve);

/// <summary>
/// How a table-form report is read: header cells name the role of their column
/// (number, task, target, departments, partners, progress, status); a progress header may
/// carry the period its cells speak for (1—9月推进情况).
/// </summary>
public sealed record TableRules(IReadOnlyList<ColumnRule> Columns, Regex EmptyCell, IReadOnlyList<TableExample> Examples, string SourceFile);

public sealed record ColumnRule(string Role, Regex Pattern);

/// <summary>A header row and the role each of its columns must get (none for a column no rule claims).</summary>
public sealed record TableExample(string Header, IReadOnlyList<string> Columns);
