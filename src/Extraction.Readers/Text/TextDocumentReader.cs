using Extraction.Model;

namespace Extraction.Readers.Text;

/// <summary>
/// Plain text in UTF-8, UTF-16, GB18030 or Big5. Every non-blank line is a paragraph; a field broken
/// over several lines is joined again by the segmenter, which knows where fields begin.
/// </summary>
public sealed class TextDocumentReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Txt;

    public ReadResult Read(byte[] content)
    {
        var text = TextDecoder.Decode(content, out _, out var replaced);
        var paragraphs = SplitParagraphs(text);
        IReadOnlyList<string>? warnings = replaced > 0 ? [$"{replaced} invalid byte{(replaced == 1 ? "" : "s")} in the UTF-8 text replaced by �"] : null;
        return paragraphs.Count == 0
            ? ReadResult.Failure("no text (the file holds only blank lines)")
            : ReadResult.Success(new RawDocument(Format, paragraphs, Pages: null, warnings));
    }

    /// <summary>
    /// Splits text into trimmed, non-blank lines, each remembering its indent and whether a blank
    /// line came before it. Also used for text that other readers extract.
    /// </summary>
    public static List<RawParagraph> SplitParagraphs(string text)
    {
        var paragraphs = new List<RawParagraph>();
        var blank = false;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split(['\n', '\r', '\f', '\u2028', '\u2029', '\v']))
        {
            var trimmed = line.Trim(Blanks);
            if (trimmed.Length == 0)
            {
                blank = true;
                continue;
            }

            var lead = line.AsSpan(0, line.IndexOf(trimmed[0]));
            paragraphs.Add(new RawParagraph(trimmed, Indent: DisplayWidth.Of(lead.TrimStart('\uFEFF')), BlankBefore: blank && paragraphs.Count > 0));
            blank = false;
        }

        return paragraphs;
    }

    private static readonly char[] Blanks = [' ', '\t', '\u3000', '\u00A0', '\uFEFF'];
}
