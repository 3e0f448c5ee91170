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

    /// <summary>The date the page says it was published (发布时间), from a line of web furniture.</summary>
    public Located? Published { get; set; }

    /// <summary>The date under the closing signature.</summary>
    public Located? Signed { get; set; }

    /// <summary>The issuer the closing signature names.</summary>
    public Located? Signatory { get; set; }

    /// <summary>The masthead's issuer stood alone above the title, without a date or a series: it may be the site's name.</summary>
    public bool IssuerUndated { get; set; }

    /// <summary>Every paragraph outside masthead, signature, tasks and problems, in reading order; headings among them until categories are chosen.</summary>
    public List<SegmentedStatement> Statements { get; } = [];

    public List<SegmentedHeading> Headings { get; } = [];

    public List<SegmentedTask> Tasks { get; } = [];

    public List<SegmentedProblem> Problems { get; } = [];

    /// <summary>How each paragraph was read: the rule that took it, or why none did (parse --paragraphs).</summary>
    public List<ParagraphNote> Notes { get; } = [];

    /// <summary>The tables the layout showed, as they were read: their form, columns and rows.</summary>
    public List<Layout.DetectedTable> Tables { get; } = [];
}

/// <summary>A note on how one paragraph (0-based) was read.</summary>
public sealed record ParagraphNote(int Paragraph, string Note);

/// <summary>A value read from the document, the rule that read it, and where.</summary>
public sealed record Located(string Value, string RuleId, SourceSpan Source);

/// <summary>A heading: level 1 is 一、, level 2 is （一）.</summary>
public sealed record SegmentedHeading(int Level, string Ordinal, string Title, string RuleId, SourceSpan Source);

public sealed class SegmentedTask(Located number, TextField text)
{
    public Located Number { get; } = number;

    public TextField Text { get; set; } = text;

    public SegmentedHeading? Part { get; set; }

    public SegmentedHeading? Category { get; set; }

    /// <summary>Each department label (or table cell) is its own list: 牵头单位 and 配合单位 lines add up.</summary>
    public List<TextField> Departments { get; } = [];

    /// <summary>The lists among <see cref="Departments"/> that name partners (配合单位), not lead units.</summary>
    public HashSet<TextField> PartnerLists { get; } = [];

    public TextField? Progress { get; set; }

    /// <summary>The header of a table's progress column (1—9月推进情况): its period is the as_of of a cell that states no date.</summary>
    public Located? ProgressPeriod { get; set; }

    /// <summary>False for a task the layout marks without a printed number (a table row numbered by its position).</summary>
    public bool Numbered { get; set; } = true;

    /// <summary>The bulletin's own verdict on the task, as printed with its column header: 是否达到序时进度：否, 进展情况：—.</summary>
    public string? Verdict { get; set; }
}

/// <summary>
/// A paragraph that belongs to no task or problem. <see cref="Heading"/> is set for a 一、 or
/// （一） heading: it is a statement only if it is not chosen as a category.
/// <see cref="ClosingCue"/> marks a paragraph that turns to next steps or requirements (下一步…).
/// </summary>
public sealed class SegmentedStatement(TextField text, bool closingCue, SegmentedHeading? heading = null)
{
    public TextField Text { get; } = text;

    public bool ClosingCue { get; } = closingCue;

    public SegmentedHeading? Heading { get; } = heading;
}

public sealed class SegmentedProblem(Located ordinal, TextField text)
{
    public Located Ordinal { get; } = ordinal;

    public TextField Text { get; } = text;
}
