namespace Extraction.Rules;

/// <summary>A rule that gives a paragraph its role (masthead.yaml, structure.yaml): the first that matches wins.</summary>
public sealed record ParagraphRule(PatternRule Rule, ParagraphRole Role)
{
    public string Id => Rule.Id;

    public string SourceFile => Rule.SourceFile;

    public override string ToString() => $"{Id} ({Role})";
}

/// <summary>What a paragraph is; written in the rule files in snake_case (problems_heading).</summary>
public enum ParagraphRole
{
    /// <summary>Series, issue, issuer, date or title (groups of the same names); in the body, a signature.</summary>
    Masthead,

    /// <summary>Who the bulletin is addressed to (各乡镇人民政府，县直各单位：).</summary>
    Salutation,

    /// <summary>Starts the problems section; its items are problems.</summary>
    ProblemsHeading,

    /// <summary>A section that is neither tasks nor problems (工作要求, 下步打算).</summary>
    SectionEnd,

    /// <summary>A top-level heading 一、 (a wrapper, or the categories themselves).</summary>
    Part,

    /// <summary>A second-level heading （一）.</summary>
    Category,

    /// <summary>A numbered task; groups number, text.</summary>
    Task,

    /// <summary>More of the current task's own text under a label of its own (项目内容：…); group text.</summary>
    TaskText,

    /// <summary>The responsible units of the current task; group departments.</summary>
    Departments,

    /// <summary>The units that assist the lead units (配合单位：…): departments too, kept as partners; group departments.</summary>
    Partners,

    /// <summary>People named beside the units (牵头领导, 项目责任人): kept out of the departments.</summary>
    Persons,

    /// <summary>The progress paragraph of the current task; group text.</summary>
    Progress,

    /// <summary>One problem, 一是…; groups ordinal, text.</summary>
    Problem,

    /// <summary>Problems listed inline (督查中发现，一是…；二是…); group items.</summary>
    ProblemList,

    /// <summary>The closing paragraph (下一步…): it ends the open field.</summary>
    Closing,

    /// <summary>A paragraph that is a statement of its own wherever it stands (从督查情况看，…): it ends the open field.</summary>
    Statement,
}

/// <summary>
/// A label where a task's run-together text is cut into fields; with <see cref="EndsAtSentence"/>
/// its value ends at the first 。; with <see cref="Anywhere"/> it cuts even where no comma,
/// sentence end or space stands before it.
/// </summary>
public sealed record FieldCut(PatternRule Rule, bool EndsAtSentence, bool Anywhere);
