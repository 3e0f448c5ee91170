namespace Extraction.Readers.Pdf;

/// <summary>
/// Character classes that decide spacing in Chinese text: between two Chinese characters, or
/// a Chinese character and anything else, a space is layout (LibreOffice and WPS set Latin
/// text 1/4 em apart from Chinese) and is dropped; only two Latin words keep theirs.
/// </summary>
internal static class CjkText
{
    /// <summary>Ideographs, kana, CJK punctuation and full-width forms, plus the Western quotes and dashes Chinese text uses as its own.</summary>
    public static bool IsCjk(char c) => c switch
    {
        >= '\u2E80' and <= '\u2FDF' => true, // radicals
        >= '\u3000' and <= '\u33FF' => true, // CJK punctuation, kana, bopomofo, enclosed and compatibility forms
        >= '\u3400' and <= '\u4DBF' => true, // extension A
        >= '\u4E00' and <= '\u9FFF' => true, // unified ideographs
        >= '\uF900' and <= '\uFAFF' => true, // compatibility ideographs
        >= '\uFE30' and <= '\uFE4F' => true, // compatibility forms (vertical punctuation)
        >= '\uFF00' and <= '\uFFEF' => true, // full-width and half-width forms: ，：；（）％１２
        >= '\uD840' and <= '\uD8BF' => true, // high surrogates of extensions B–G
        '“' or '”' or '‘' or '’' or '—' or '…' or '·' or '―' => true,
        _ => false,
    };

    /// <summary>Punctuation that may not open a line, so a line breaker keeps it with the word before.</summary>
    public static bool IsClosing(char c) => c is '、' or '。' or '，' or '．' or '：' or '；' or '！' or '？' or '）' or '】' or '》' or '」'
        or '』' or '〕' or '〗' or '〉' or '”' or '’' or '％' or '…' or '·' or '.' or ',' or ':' or ';' or '!' or '?' or ')' or ']' or '}' or '%';

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u3000' or '\uFEFF' or '\u200B';

    public static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!IsSpace(c) && !char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a line break between these two texts stands for a space: only between two Latin words.</summary>
    public static bool SpaceAcrossLineBreak(char last, char first) =>
        !IsCjk(last) && !IsCjk(first) && last is not ('-' or '/' or '\u00AD') && !IsSpace(last) && !IsSpace(first);
}
