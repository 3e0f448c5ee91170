using System.Text;

namespace Extraction.Segmentation;

/// <summary>
/// A bulletin cut into its parts, still as text: the segmenter's output and the field
/// extractor's input. Each field remembers the rule that opened it.
/// </summary>
public sealed class SegmentedBulletin
{
    public string? Series { get; set; }

    public string? Issue { get; set; }

    public string? Issuer { get; set; }

    public string? Date { get; set; }

    public string? Title { get; set; }

    public List<string> Intro { get; } = [];

    public List<SegmentedHeading> Headings { get; } = [];

    public List<SegmentedTask> Tasks { get; } = [];

    public List<SegmentedProblem> Problems { get; } = [];
}

/// <summary>A heading: level 1 is 一、, level 2 is （一）.</summary>
public sealed record SegmentedHeading(int Level, string Ordinal, string Title, string RuleId);

public sealed class SegmentedTask(string number, string ruleId)
{
    public string Number { get; } = number;

    public string RuleId { get; } = ruleId;

    public SegmentedHeading? Part { get; set; }

    public SegmentedHeading? Category { get; set; }

    public StringBuilder Text { get; } = new();

    public StringBuilder? Departments { get; set; }

    public StringBuilder? Progress { get; set; }
}

public sealed class SegmentedProblem(string ordinal)
{
    public string Ordinal { get; } = ordinal;

    public StringBuilder Text { get; } = new();
}
