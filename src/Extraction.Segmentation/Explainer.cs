using Extraction.Model;

namespace Extraction.Segmentation;

/// <summary>Collects provenance, turning spans of the document into quoted source ranges.</summary>
internal sealed class Explainer(RawDocument document)
{
    public List<FieldProvenance> Fields { get; } = [];

    public void Value(string field, Located? value)
    {
        if (value is not null)
        {
            Add(field, value.RuleId, value.Value, [value.Source]);
        }
    }

    public void Field(string field, TextField text) => Add(field, text.RuleId, text.Text, text.Locate());

    public void Add(string field, string rule, string value, IEnumerable<SourceSpan> spans) =>
        Fields.Add(new FieldProvenance(field, rule, value, [.. spans.Where(s => s.Paragraph < document.Paragraphs.Count).Select(Range)]));

    private SourceRange Range(SourceSpan span)
    {
        var paragraph = document.Paragraphs[span.Paragraph];
        var start = Math.Clamp(span.Start, 0, paragraph.Text.Length);
        var length = Math.Clamp(span.Length, 0, paragraph.Text.Length - start);
        return new SourceRange(span.Paragraph + 1, start, length, paragraph.Page, paragraph.Text.Substring(start, length), paragraph.Confidence);
    }
}
