using Extraction.Model;

namespace Extraction.Readers;

/// <summary>What a reader gives the segmenter: the paragraphs of a document in reading order.</summary>
public sealed record RawDocument(SourceFormat Format, IReadOnlyList<RawParagraph> Paragraphs, int? Pages);

/// <summary>
/// One paragraph as the document lays it out. A table row arrives as one paragraph whose
/// cells are joined by <see cref="CellSeparator"/>.
/// </summary>
public sealed record RawParagraph(string Text, int? Page = null)
{
    public const string CellSeparator = " | ";
}
