using System.Text;

namespace Extraction.Segmentation;

/// <summary>
/// The text of one field (a task, a progress paragraph, a problem…) built from pieces of
/// paragraphs, joined without a space, remembering where each piece came from so that any
/// offset in the field maps back to the document. <see cref="RuleId"/> is the rule that opened it.
/// </summary>
public sealed class TextField(string ruleId)
{
    private readonly StringBuilder text = new();
    private readonly List<(int FieldOffset, SourceSpan Source)> pieces = [];

    public string RuleId { get; } = ruleId;

    public bool IsEmpty => text.Length == 0;

    /// <summary>The first and last paragraph the field takes text from; -1 when it is empty.</summary>
    public int FirstParagraph => pieces.Count == 0 ? -1 : pieces.Min(p => p.Source.Paragraph);

    public int LastParagraph => pieces.Count == 0 ? -1 : pieces.Max(p => p.Source.Paragraph);

    public string Raw => text.ToString();

    /// <summary>The field's text with surrounding white space removed.</summary>
    public string Text => Raw.Trim();

    public void Append(string value, SourceSpan source)
    {
        if (value.Length == 0)
        {
            return;
        }

        pieces.Add((text.Length, source));
        text.Append(value);
    }

    /// <summary>The source of a range of <see cref="Text"/> (offsets after trimming), split where it crosses paragraphs.</summary>
    public IReadOnlyList<SourceSpan> Locate(int start, int length)
    {
        var lead = Raw.Length - Raw.TrimStart().Length;
        start += lead;
        var spans = new List<SourceSpan>();
        for (var i = 0; i < pieces.Count && length > 0; i++)
        {
            var (offset, source) = pieces[i];
            var pieceEnd = offset + source.Length;
            if (start >= pieceEnd)
            {
                continue;
            }

            var from = Math.Max(start, offset);
            var to = Math.Min(start + length, pieceEnd);
            spans.Add(new SourceSpan(source.Paragraph, source.Start + (from - offset), to - from));
            length -= to - from;
            start = to;
        }

        return spans;
    }

    /// <summary>The source of the whole field.</summary>
    public IReadOnlyList<SourceSpan> Locate() => Locate(0, Text.Length);
}
