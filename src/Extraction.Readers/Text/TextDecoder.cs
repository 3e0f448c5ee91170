using System.Text;

namespace Extraction.Readers;

/// <summary>
/// Decodes text whose encoding is not declared: a byte-order mark first, then UTF-16 (its
/// zero bytes give it away), then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 { get; } = GetGb18030();

    public static string Decode(byte[] content, out string encodingName)
    {
        var (encoding, skip) = Detect(content);
        encodingName = encoding.WebName;
        return encoding.GetString(content, skip, content.Length - skip);
    }

    /// <summary>True when the bytes decode to mostly printable characters.</summary>
    public static bool LooksLikeText(byte[] content)
    {
        var text = Decode(content, out _);
        if (text.Length == 0)
        {
            return false;
        }

        var implausible = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || char.IsSurrogate(c) || c is >= '\uE000' and <= '\uF8FF')
            {
                implausible++;
            }
        }

        return implausible <= text.Length / 50;
    }

    private static (Encoding Encoding, int Skip) Detect(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return (new UTF8Encoding(false), 3);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        // UTF-16 text without a BOM still has zero bytes (in newlines, digits, Latin letters),
        // nearly all at one parity; UTF-8 and GB18030 text has none, or a stray one that a
        // damaged dump carries — too few to make the whole file UTF-16.
        int zerosAtEven = 0, zerosAtOdd = 0;
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] == 0)
            {
                if (i % 2 == 0)
                {
                    zerosAtEven++;
                }
                else
                {
                    zerosAtOdd++;
                }
            }
        }

        var (more, fewer) = (Math.Max(zerosAtEven, zerosAtOdd), Math.Min(zerosAtEven, zerosAtOdd));
        if (more > 0 && more >= b.Length / 200 && fewer <= more / 4)
        {
            return (new UnicodeEncoding(bigEndian: zerosAtEven > zerosAtOdd, byteOrderMark: false), 0);
        }

        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(b);
            return (new UTF8Encoding(false), 0);
        }
        catch (DecoderFallbackException)
        {
            return (Gb18030, 0);
        }
    }

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
