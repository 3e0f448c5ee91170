using System.Text;

namespace Extraction.Readers.Docx;

/// <summary>
/// Builds text from pieces separated by soft breaks (w:br, w:tab, paragraphs inside one table cell).
/// Chinese is written without spaces, so a break between CJK text joins with nothing, and a break between
/// Latin letters or digits on both sides becomes one space: "重点民生实事⏎进展情况" → "重点民生实事进展情况".
/// </summary>
internal sealed class TextJoiner
{
    private readonly StringBuilder text = new();
    private bool pendingBreak;

    public bool IsEmpty => text.Length == 0;

    public static string Join(IEnumerable<string> pieces)
    {
        var joiner = new TextJoiner();
        foreach (var piece in pieces)
        {
            joiner.Break();
            joiner.Append(piece);
        }

        return joiner.ToString();
    }

    /// <summary>Whether a break between these two characters reads as a space.</summary>
    public static bool NeedsSpace(char before, char after) =>
        !char.IsWhiteSpace(before) && !char.IsWhiteSpace(after) && !IsWide(before) && !IsWide(after);

    /// <summary>CJK ideographs, kana, hangul, full-width forms and the punctuation used with them (“”—…、。).</summary>
    public static bool IsWide(char c) =>
        c is (>= '\u2000' and <= '\u206F') or (>= '\u2E80' and <= '\uDFFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF');

    public void Append(string piece)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (pendingBreak && text.Length > 0 && NeedsSpace(text[^1], piece[0]))
        {
            text.Append(' ');
        }

        pendingBreak = false;
        text.Append(piece);
    }

    public void Break() => pendingBreak = true;

    public override string ToString() => text.ToString();
}
