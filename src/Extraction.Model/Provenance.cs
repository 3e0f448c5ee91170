namespace Extraction.Model;

/// <summary>Why a field has its value: the rule that produced it and the exact source text it came from.</summary>
/// <param name="Field">A path into the bulletin/1 document: <c>bulletin.issue</c>, <c>tasks[3].departments[0]</c>, <c>tasks[3].progress.figures[2]</c>.</param>
public sealed record FieldProvenance(string Field, string Rule, string Value, IReadOnlyList<SourceRange> Sources);

/// <summary>A range of one paragraph of the document as read (paragraphs counted from 1), and its text.</summary>
/// <param name="Confidence">Text recognised by OCR: the paragraph's mean word confidence (0–100); null (and not written) for a text layer.</param>
public sealed record SourceRange(int Paragraph, int Start, int Length, int? Page, string Text,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] double? Confidence = null);
