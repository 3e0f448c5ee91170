namespace Extraction.Rules.Yaml;

// The shapes of the YAML rule files, as written by people. RuleSetLoader turns them into
// compiled, immutable rules. Unknown keys are an error, so a misspelt key never goes unnoticed.

internal sealed class PatternRuleModel
{
    public string? Id { get; set; }

    /// <summary>In a family's file: put this new rule before the rule with this id.</summary>
    public string? Before { get; set; }

    /// <summary>The file the rule was read from (set by the loader, not written in YAML).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? SourceFile { get; set; }

    public string? Role { get; set; }
    public string? Pattern { get; set; }
    public string? Scope { get; set; }
    public string? Resolve { get; set; }

    /// <summary>Furniture lines: what the line is besides furniture (drop, published_date).</summary>
    public string? Meaning { get; set; }

    /// <summary>Furniture lines made of words: how many other letters or digits the line may hold.</summary>
    public int? MaxOther { get; set; }

    /// <summary>Furniture lines made of words: how many of the words it must hold.</summary>
    public int? MinMatches { get; set; }

    /// <summary>Field cuts: the label's value ends at the first 。 or ；.</summary>
    public bool EndsAtSentence { get; set; }

    /// <summary>Field cuts: the label cuts even with nothing before it.</summary>
    public bool Anywhere { get; set; }

    /// <summary>Tally statuses, figure states and verdicts: the status its words say.</summary>
    public string? Status { get; set; }

    /// <summary>Verdicts: also looked for in progress paragraphs, not only in status cells.</summary>
    public bool InText { get; set; }

    /// <summary>OCR repairs: what a match is replaced with ($1, ${name}).</summary>
    public string? Replace { get; set; }

    /// <summary>OCR label repair: the paragraph roles whose labels (the words their patterns open with) are repaired.</summary>
    public List<string>? Labels { get; set; }

    /// <summary>OCR label repair: the shortest label repaired (one character of two is a guess).</summary>
    public int? MinLength { get; set; }

    /// <summary>OCR label repair: openings one character from a label that are words of their own.</summary>
    public List<string> Keep { get; set; } = [];

    public List<ExampleModel> Examples { get; set; } = [];
    public List<string> CounterExamples { get; set; } = [];
}

internal sealed class ExampleModel
{
    public string? Text { get; set; }
    public Dictionary<string, string> Expect { get; set; } = [];
}

internal sealed class FigureExampleModel
{
    public string? Text { get; set; }
    public List<Dictionary<string, string?>> Figures { get; set; } = [];
}

internal sealed class LayoutFile
{
    public List<PatternRuleModel> Furniture { get; set; } = [];
    public List<string> Remove { get; set; } = [];
}

internal sealed class ParagraphsFile
{
    public List<PatternRuleModel> Paragraphs { get; set; } = [];
    public List<PatternRuleModel> DeclaredCounts { get; set; } = [];
    public List<PatternRuleModel> ProgrammeYear { get; set; } = [];
    public List<PatternRuleModel> InlineDepartments { get; set; } = [];
    public List<PatternRuleModel> FieldCuts { get; set; } = [];
    public List<PatternRuleModel> Enumerations { get; set; } = [];
    public PatternRuleModel? ProgressOpeners { get; set; }
    public PatternRuleModel? ProblemItem { get; set; }
    public TableModel? Table { get; set; }
    public SeparatorModel? DepartmentSeparator { get; set; }
    public List<string> Remove { get; set; } = [];
}

internal sealed class TableModel
{
    public List<ColumnModel> Columns { get; set; } = [];
    public string? EmptyCell { get; set; }
    public string? HeaderPart { get; set; }
    public string? StatusCell { get; set; }
    public List<string> StatusExamples { get; set; } = [];
    public List<string> StatusCounterExamples { get; set; } = [];
    public List<TableExampleModel> Examples { get; set; } = [];
}

internal sealed class ColumnModel
{
    public string? Role { get; set; }
    public string? Pattern { get; set; }
}

internal sealed class TableExampleModel
{
    public string? Header { get; set; }
    public List<string> Columns { get; set; } = [];
}

internal sealed class DepartmentsFile
{
    public List<AbbreviationModel> Abbreviations { get; set; } = [];
    public List<AliasModel> Aliases { get; set; } = [];
    public List<DepartmentExampleModel> Examples { get; set; } = [];
}

internal sealed class AbbreviationModel
{
    public string? Short { get; set; }
    public string? Full { get; set; }
}

internal sealed class AliasModel
{
    public string? Alias { get; set; }
    public string? Canonical { get; set; }
}

internal sealed class DepartmentExampleModel
{
    public string? Name { get; set; }
    public string? Canonical { get; set; }
}

internal sealed class ColumnsFile
{
    public List<ColumnHeaderModel> Columns { get; set; } = [];
}

internal sealed class ColumnHeaderModel
{
    public string? Column { get; set; }
    public string? View { get; set; }
    public string? Zh { get; set; }
    public int? Decimals { get; set; }
}

internal sealed class HistoryFile
{
    public IdentityModel? Identity { get; set; }
    public CompletionModel? Completion { get; set; }
    public ScheduleModel? Schedule { get; set; }
    public AuditModel? Audit { get; set; }
    public MeasuresModel? Measures { get; set; }
    public List<PatternRuleModel> Verdicts { get; set; } = [];
}

internal sealed class PerUnitModel
{
    public List<PatternRuleModel> Before { get; set; } = [];
    public List<PatternRuleModel> After { get; set; } = [];
}

internal sealed class MeasuresModel
{
    public List<PatternRuleModel> States { get; set; } = [];
    public PerUnitModel PerUnit { get; set; } = new();
    public PatternRuleModel? CarriesState { get; set; }
    public double PlausibleAtMost { get; set; }
}

internal sealed class IdentityModel
{
    public double MinSimilarity { get; set; }
    public double RematchSimilarity { get; set; }
}

internal sealed class CompletionModel
{
    public double MetricSimilarity { get; set; }
    public List<string> CeilingWords { get; set; } = [];
    public List<PatternRuleModel> Phrases { get; set; } = [];
}

internal sealed class ScheduleModel
{
    public double DoneAt { get; set; }
    public double AheadBy { get; set; }
    public double BehindBy { get; set; }
    public List<string> DoneWords { get; set; } = [];
    public List<ScheduleExampleModel> Examples { get; set; } = [];
}

internal sealed class ScheduleExampleModel
{
    public string? AsOf { get; set; }
    public double Completion { get; set; }
    public string? Status { get; set; }
}

internal sealed class AuditModel
{
    public double StatedTolerance { get; set; }
}

internal sealed class FamilyFile
{
    public string? Description { get; set; }
    public List<PatternRuleModel> Detect { get; set; } = [];
    public List<PatternRuleModel> Unless { get; set; } = [];
}

internal sealed class SeparatorModel
{
    public string? Pattern { get; set; }
    public string? NeedsOwner { get; set; }
    public string? UnitEnding { get; set; }
    public string? RoleMark { get; set; }
    public List<SplitExampleModel> Examples { get; set; } = [];
}

internal sealed class SplitExampleModel
{
    public string? Text { get; set; }
    public List<string> Parts { get; set; } = [];
}

internal sealed class DatesFile
{
    public List<string> Remove { get; set; } = [];
    public ExampleContextModel? ExampleContext { get; set; }
    public List<PatternRuleModel> DocumentDates { get; set; } = [];
    public List<PatternRuleModel> AsOf { get; set; } = [];
    public List<PatternRuleModel> Periods { get; set; } = [];
}

internal sealed class ExampleContextModel
{
    public int Year { get; set; }
    public string? BulletinDate { get; set; }
}

internal sealed class UnitsFile
{
    public List<UnitModel> Units { get; set; } = [];
}

internal sealed class UnitModel
{
    public string? Unit { get; set; }
    public string? Kind { get; set; }
    public List<string> Forms { get; set; } = [];
    public List<string> NotBefore { get; set; } = [];
    public bool AfterChineseNumerals { get; set; } = true;
    public List<SubunitModel> Subunits { get; set; } = [];
    public List<FigureExampleModel> Examples { get; set; } = [];
}

internal sealed class SubunitModel
{
    public List<string> Forms { get; set; } = [];
    public decimal Factor { get; set; }
    public bool Standalone { get; set; }
}

internal sealed class FiguresFile
{
    public Dictionary<string, decimal> Magnitudes { get; set; } = [];
    public List<WordRuleModel> SuffixQualifiers { get; set; } = [];
    public List<WordRuleModel> PrefixQualifiers { get; set; } = [];
    public List<WordRuleModel> Changes { get; set; } = [];
    public List<string> Fillers { get; set; } = [];
    public List<string> RangeSeparators { get; set; } = [];
    public List<string> PercentPrefixes { get; set; } = [];
    public List<string> ListSeparators { get; set; } = [];
    public string? RankContext { get; set; }
    public string? RankSuffix { get; set; }
    public string? CodePrefix { get; set; }
    public List<DateSuffixModel> DateSuffixes { get; set; } = [];
    public string? BareNumberNotBefore { get; set; }
    public string? BareNumberNotAfter { get; set; }
    public string? BareChineseBefore { get; set; }
    public string? BareChineseAfter { get; set; }
    public List<string> SignWords { get; set; } = [];
    public List<string> HalfWords { get; set; } = [];
    public List<NotFigureModel> NotFigures { get; set; } = [];
    public List<FigureExampleModel> Examples { get; set; } = [];
}

internal sealed class WordRuleModel
{
    public string? Id { get; set; }
    public List<string> Words { get; set; } = [];
    public string? Meaning { get; set; }
    public string? Reach { get; set; }
    public List<string> NotAfter { get; set; } = [];
    public List<FigureExampleModel> Examples { get; set; } = [];
}

internal sealed class DateSuffixModel
{
    public string? Id { get; set; }
    public string? Pattern { get; set; }
    public string? WhenNumber { get; set; }
    public List<FigureExampleModel> Examples { get; set; } = [];
}

internal sealed class NotFigureModel
{
    public string? Id { get; set; }
    public string? Pattern { get; set; }
    public List<FigureExampleModel> Examples { get; set; } = [];
}

internal sealed class CharactersFile
{
    public string? Traditional { get; set; }
    public List<PatternRuleModel> Annotations { get; set; } = [];
    public List<FoldExampleModel> Examples { get; set; } = [];
}

internal sealed class FoldExampleModel
{
    public string? Text { get; set; }
    public string? Folded { get; set; }
}

internal sealed class MetricsFile
{
    public string? Dictionary { get; set; }
    public List<string> PhraseTags { get; set; } = [];
    public List<string> LeadingStopWords { get; set; } = [];
    public List<string> TrailingStopWords { get; set; } = [];
    public List<ComparisonModel> Comparisons { get; set; } = [];
    public List<MetricExampleModel> Examples { get; set; } = [];
}

internal sealed class ComparisonModel
{
    public List<string> Words { get; set; } = [];
    public string? Suffix { get; set; }
}

internal sealed class MetricExampleModel
{
    public string? Text { get; set; }
    public string? Raw { get; set; }
    public string? Metric { get; set; }
}

internal sealed class WebFile
{
    public WebContainersModel? Containers { get; set; }
    public List<PatternRuleModel> Lines { get; set; } = [];
}

internal sealed class WebContainersModel
{
    public PatternRuleModel? Content { get; set; }
    public PatternRuleModel? Furniture { get; set; }
    public PatternRuleModel? Title { get; set; }
    public PatternRuleModel? Lead { get; set; }
}

internal sealed class TalliesFile
{
    public string? Count { get; set; }
    public List<PatternRuleModel> Statuses { get; set; } = [];
    public List<PatternRuleModel> Forms { get; set; } = [];
    public List<PatternRuleModel> ScopeExclusions { get; set; } = [];
    public List<TallyExampleModel> Examples { get; set; } = [];
    public List<string> CounterExamples { get; set; } = [];
}

internal sealed class TallyExampleModel
{
    public string? Text { get; set; }
    public List<TallyModel> Tallies { get; set; } = [];
}

internal sealed class TallyModel
{
    public string? Status { get; set; }
    public int Count { get; set; }
}

internal sealed class ReportFile
{
    public List<ReportLabelModel> Labels { get; set; } = [];
}

internal sealed class ReportLabelModel
{
    public string? Key { get; set; }
    public string? Zh { get; set; }
    public string? En { get; set; }
}

internal sealed class OcrFile
{
    public List<PatternRuleModel> Repairs { get; set; } = [];
}
