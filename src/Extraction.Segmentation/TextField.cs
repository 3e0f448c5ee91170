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

    /// <summary>Where the field's text begins and ends in the document; <see cref="Position.Min"/> when it is empty.</summary>
    public Position First => pieces.Count == 0 ? Position.Min : pieces.Min(p => Position.Start(p.Source));

    public Position Last => pieces.Count == 0 ? Position.Min : pieces.Max(p => Position.End(p.Source));

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

    /// <summary>Appends another field's text, keeping where each of its pieces came from.</summary>
    public void Append(TextField other)
    {
        for (var i = 0; i < other.pieces.Count; i++)
        {
            var (offset, source) = other.pieces[i];
            var end = i + 1 < other.pieces.Count ? other.pieces[i + 1].FieldOffset : other.text.Length;
            Append(other.text.ToString(offset, end - offset), source);
        }
    }

    /// <summary>
    /// The field cut in two at an offset of <see cref="Text"/>: the head keeps this field's rule,
    /// the tail gets <paramref name="tailRule"/>; each piece keeps its source.
    /// </summary>
    public (TextField Head, TextField Tail) SplitAt(int at, string tailRule)
    {
        var lead = Raw.Length - Raw.TrimStart().Length;
        at += lead;
        var head = new TextField(RuleId);
        var tail = new TextField(tailRule);
        for (var i = 0; i < pieces.Count; i++)
        {
            var (offset, source) = pieces[i];
            var end = i + 1 < pieces.Count ? pieces[i + 1].FieldOffset : text.Length;
            var value = text.ToString(offset, end - offset);
            if (end <= at)
            {
                head.Append(value, source);
            }
            else if (offset >= at)
            {
                tail.Append(value, source);
            }
            else
            {
                var cut = at - offset;
                head.Append(value[..cut], source with { Length = Math.Min(cut, source.Length) });
                tail.Append(value[cut..], source with { Start = source.Start + cut, Length = Math.Max(0, source.Length - cut) });
            }
        }

        return (head, tail);
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
