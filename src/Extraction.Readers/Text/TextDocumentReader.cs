using Extraction.Model;

namespace Extraction.Readers.Text;

/// <summary>
/// Plain text in UTF-8, UTF-16 or GB18030. Every non-blank line is a paragraph; a field broken
/// over several lines is joined again by the segmenter, which knows where fields begin.
/// </summary>
public sealed class TextDocumentReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Txt;

    public ReadResult Read(byte[] content)
    {
        var text = TextDecoder.Decode(content, out _);
        var paragraphs = SplitParagraphs(text);
        return paragraphs.Count == 0
            ? ReadResult.Failure("no text (the file holds only blank lines)")
            : ReadResult.Success(new RawDocument(Format, paragraphs, Pages: null));
    }

    /// <summary>Splits text into trimmed, non-blank lines. Also used for text that other readers extract.</summary>
    public static List<RawParagraph> SplitParagraphs(string text)
    {
        var paragraphs = new List<RawParagraph>();
        foreach (var line in text.Split(['\n', '\r', '\f', '\u2028', '\u2029', '\v']))
        {
            var trimmed = line.Trim(' ', '\t', '\u3000', '\u00A0', '\uFEFF');
            if (trimmed.Length > 0)
            {
                paragraphs.Add(new RawParagraph(trimmed));
            }
        }

        return paragraphs;
    }
}
