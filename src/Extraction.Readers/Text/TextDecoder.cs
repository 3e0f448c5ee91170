using System.Text;
using UtfUnknown;

namespace Extraction.Readers;

/// <summary>
/// Decodes text whose encoding is not declared: a byte-order mark first, then UTF-16 (its
/// zero bytes give it away), then strict UTF-8; bytes that are none of these are weighed by
/// UTF.Unknown's character statistics (Big5 or GB18030).
/// </summary>
public static class TextDecoder
{
    public static Encoding Gb18030 { get; } = CodePage("GB18030");

    /// <summary>Big5 as Windows writes it (code page 950), the traditional-character encoding of Taiwan and Hong Kong archives.</summary>
    public static Encoding Big5 { get; } = CodePage("big5");

    public static string Decode(byte[] content, out string encodingName) => Decode(content, out encodingName, out _);

    /// <param name="replaced">How many invalid bytes of otherwise good UTF-8 were replaced (U+FFFD).</param>
    public static string Decode(byte[] content, out string encodingName, out int replaced)
    {
        var (encoding, skip) = Detect(content);
        encodingName = encoding.WebName;
        var text = encoding.GetString(content, skip, content.Length - skip);
        replaced = encoding is UTF8Encoding ? text.Count(c => c == '\uFFFD') - CountReplacementCharacters(content) : 0;
        return text;
    }

    /// <summary>U+FFFD written in the file itself (EF BF BD), not made by decoding.</summary>
    private static int CountReplacementCharacters(byte[] content)
    {
        var count = 0;
        for (var i = content.AsSpan().IndexOf("\uFFFD"u8); i >= 0; i = content.AsSpan(i + 3).IndexOf("\uFFFD"u8) is var next and >= 0 ? i + 3 + next : -1)
        {
            count++;
        }

        return count;
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

        // UTF-8 with a few invalid bytes (a truncated last character, a damaged byte) is still
        // UTF-8: GB18030 would turn all of it into nonsense. Past a few per thousand, it is not.
        var (invalid, multibyte) = Utf8Census(b);
        return invalid == 0 || (invalid <= Math.Max(MaxStrayBytes, b.Length / 1000) && multibyte > invalid * 10)
            ? (new UTF8Encoding(false), 0)
            : (LegacyEncoding(b), 0);
    }

    /// <summary>
    /// The legacy encoding UTF.Unknown finds in bytes that are not UTF-8. Bulletins are Chinese,
    /// so only its Chinese answers are taken: a Korean, Japanese or Western code page named for
    /// them is a short or damaged Chinese text misread, and GB18030, the mainland's encoding
    /// (a superset of GBK and GB2312), reads it as before; so does no answer at all.
    /// </summary>
    private static Encoding LegacyEncoding(byte[] b)
    {
        var detected = CharsetDetector.DetectFromBytes(b).Detected;
        return detected?.EncodingName?.ToLowerInvariant() switch
        {
            "big5" => Big5,
            _ => Gb18030,
        };
    }

    private const int MaxStrayBytes = 4;

    /// <summary>
    /// The bytes read as UTF-8 in one pass: how many sequences are invalid, and how many valid
    /// multi-byte characters there are (what makes a file UTF-8 rather than ASCII with noise).
    /// </summary>
    private static (int Invalid, int Multibyte) Utf8Census(byte[] b)
    {
        var (invalid, multibyte) = (0, 0);
        var span = b.AsSpan();
        while (span.Length > 0)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span, out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid++;
            }
            else if (consumed > 1)
            {
                multibyte++;
            }

            span = span[Math.Max(1, consumed)..];
        }

        return (invalid, multibyte);
    }

    /// <summary>An encoding of .NET's code-page provider, registered first (static initializers run before a static constructor).</summary>
    private static Encoding CodePage(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
