namespace Extraction.Segmentation;

/// <summary>Where a piece of text sits in the document as read: a paragraph (0-based) and a range of its characters.</summary>
public readonly record struct SourceSpan(int Paragraph, int Start, int Length);
