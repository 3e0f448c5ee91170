namespace Extraction.Segmentation;

/// <summary>
/// A bulletin cut into its parts, still as text: the segmenter's output and the field
/// builder's input. Every part remembers the rule that found it and where it came from.
/// </summary>
public sealed class SegmentedBulletin(string family)
{
    /// <summary>The rule family the document was read with.</summary>
    public string Family { get; } = family;

    public Located? Series { get; set; }

    public Located? Issue { get; set; }

    public Located? Issuer { get; set; }

    public Located? Date { get; set; }

    public Located? Title { get; set; }

    public List<Located> Intro { get; } = [];

    public List<SegmentedHeading> Headings { get; } = [];

    public List<SegmentedTask> Tasks { get; } = [];

    public List<SegmentedProblem> Problems { get; } = [];
}

/// <summary>A value read from the document, the rule that read it, and where.</summary>
public sealed record Located(string Value, string RuleId, SourceSpan Source);

/// <summary>A heading: level 1 is 一、, level 2 is （一）.</summary>
public sealed record SegmentedHeading(int Level, string Ordinal, string Title, string RuleId, SourceSpan Source);

public sealed class SegmentedTask(Located number, TextField text)
{
    public Located Number { get; } = number;

    public TextField Text { get; } = text;

    public SegmentedHeading? Part { get; set; }

    public SegmentedHeading? Category { get; set; }

    /// <summary>Each department label (or table cell) is its own list: 牵头单位 and 配合单位 lines add up.</summary>
    public List<TextField> Departments { get; } = [];

    public TextField? Progress { get; set; }

    /// <summary>The period a table's progress column speaks for (1—9月推进情况), used when a cell states no date.</summary>
    public Located? ProgressPeriod { get; set; }
}

public sealed class SegmentedProblem(Located ordinal, TextField text)
{
    public Located Ordinal { get; } = ordinal;

    public TextField Text { get; } = text;
}
