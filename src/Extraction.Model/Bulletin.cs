using System.Text.Json.Serialization;

namespace Extraction.Model;

/// <summary>One extracted bulletin: the document that <c>extract parse --json</c> prints (bulletin/1).</summary>
public sealed record BulletinDocument(
    SourceInfo Source,
    BulletinInfo Bulletin,
    IReadOnlyList<Category> Categories,
    IReadOnlyList<BulletinTask> Tasks,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<string> Warnings)
{
    public const string SchemaName = "bulletin/1";

    [JsonPropertyOrder(-1)]
    public string Schema => SchemaName;
}

public sealed record SourceInfo(string File, string Sha256, SourceFormat Format, int? Pages);

[JsonConverter(typeof(SnakeCaseEnumConverter<SourceFormat>))]
public enum SourceFormat { Txt, Docx, Pdf, Html }

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

/// <summary>A numbered task (民生实事 item) with its departments, targets and progress.</summary>
public sealed record BulletinTask(
    int Number,
    int? Category,
    string Text,
    IReadOnlyList<string> Departments,
    IReadOnlyList<Figure> Targets,
    Progress? Progress);

public sealed record Progress(DateOnly? AsOf, string Text, IReadOnlyList<Figure> Figures);

public sealed record Problem(int Ordinal, string Text);
