using System.Text.Json.Serialization;

namespace Extraction.Model;

/// <summary>One extracted bulletin: the document that <c>extract parse --json</c> prints (bulletin/1).</summary>
/// <param name="Statements">Body paragraphs outside tasks and problems. Null only in a golden file written before statements existed, which is then not scored on them.</param>
/// <param name="Tallies">Programme-wide counts by status. Null only in a golden file that is not scored on them.</param>
public sealed record BulletinDocument(
    SourceInfo Source,
    BulletinInfo Bulletin,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<BulletinTask> Tasks,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<Statement>? Statements = null,
    IReadOnlyList<Tally>? Tallies = null)
{
    public const string SchemaName = "bulletin/1";

    [JsonPropertyOrder(-1)]
    public string Schema => SchemaName;

    /// <summary>Every figure of the document: task targets, progress and statements, in reading order of each.</summary>
    public IEnumerable<Figure> AllFigures =>
        Tasks.SelectMany(t => t.Targets.Concat(t.Progress?.Figures ?? []))
            .Concat((Statements ?? []).SelectMany(s => s.Figures));
}

/// <param name="Format">The format the text was read from: for a legacy file, the .docx LibreOffice converted it to.</param>
/// <param name="ConvertedFrom">The file's own format when it was converted before being read (a .doc, .wps or .rtf); written only then.</param>
/// <param name="Ocr">True when the text was recognised from page images (a scanned PDF); written only then.</param>
public sealed record SourceInfo(
    string File,
    string Sha256,
    SourceFormat Format,
    int? Pages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LegacyFormat? ConvertedFrom = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Ocr = null);

[JsonConverter(typeof(SnakeCaseEnumConverter<SourceFormat>))]
public enum SourceFormat { Txt, Docx, Pdf, Html }

/// <summary>
/// Formats read only once LibreOffice has converted them to .docx: Word 97–2003 binary files
/// (WPS Writer's .wps files are the same format) and RTF.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<LegacyFormat>))]
public enum LegacyFormat { Doc, Rtf }

/// <summary>The masthead facts of a bulletin; every field is null when the document does not state it.</summary>
public sealed record BulletinInfo(
    string? Series,
    int? Issue,
    string? Issuer,
    DateOnly? Date,
    string? Title,
    int? Year,
    int? DeclaredCategories,
    int? DeclaredTasks)
{
    public static BulletinInfo Empty { get; } = new(null, null, null, null, null, null, null, null);
}

public sealed record Category(int Ordinal, string Title);

/// <summary>A task (民生实事 item) with its departments, targets and progress.</summary>
/// <param name="Numbered">False for a task the layout marks without printing a number (its number is its position); written only then.</param>
/// <param name="Partners">Those of <paramref name="Departments"/> named as partners (配合单位, 协办), not lead units; written only when there are some.</param>
/// <param name="Verdict">The bulletin's own verdict in a status column, with its header (是否达到序时进度：否), or a "not reported" mark in the progress column (进展情况：—); written only then.</param>
public sealed record BulletinTask(
    int Number,
    int? Category,
    string Text,
    IReadOnlyList<string> Departments,
    IReadOnlyList<Figure> Targets,
    Progress? Progress,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Numbered = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Partners = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Verdict = null);

public sealed record Progress(DateOnly? AsOf, string Text, IReadOnlyList<Figure> Figures);

public sealed record Problem(int Ordinal, string Text);

/// <summary>A body paragraph that belongs to no task and no problem: intro, a paragraph between tasks, or the closing.</summary>
public sealed record Statement(StatementSection Section, string Text, DateOnly? AsOf, IReadOnlyList<Figure> Figures);

[JsonConverter(typeof(SnakeCaseEnumConverter<StatementSection>))]
public enum StatementSection { Intro, Body, Closing }

/// <summary>A count the bulletin states about its whole programme, by status: 已完成26件 → done 26.</summary>
public sealed record Tally(TallyStatus Status, int Count, string Raw);

[JsonConverter(typeof(SnakeCaseEnumConverter<TallyStatus>))]
public enum TallyStatus { Done, OnSchedule, Behind, Started, NotStarted }
