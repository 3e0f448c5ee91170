namespace Extraction.Segmentation;

/// <summary>Where a piece of text sits in the document as read: a paragraph (0-based) and a range of its characters.</summary>
public readonly record struct SourceSpan(int Paragraph, int Start, int Length);

/// <summary>A place in the document: a paragraph and an offset in it, in reading order.</summary>
public readonly record struct Position(int Paragraph, int Offset) : IComparable<Position>
{
    public static Position Start(SourceSpan span) => new(span.Paragraph, span.Start);

    public static Position End(SourceSpan span) => new(span.Paragraph, span.Start + span.Length);

    public static Position Max { get; } = new(int.MaxValue, int.MaxValue);

    public static Position Min { get; } = new(-1, -1);

    public int CompareTo(Position other) => Paragraph != other.Paragraph ? Paragraph.CompareTo(other.Paragraph) : Offset.CompareTo(other.Offset);

    public static bool operator <(Position a, Position b) => a.CompareTo(b) < 0;

    public static bool operator >(Position a, Position b) => a.CompareTo(b) > 0;

    public static bool operator <=(Position a, Position b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Position a, Position b) => a.CompareTo(b) >= 0;
}
