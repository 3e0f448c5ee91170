using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Readers.Html;

/// <summary>
/// Decodes the bytes of a web page: a byte-order mark, then the page's own declaration
/// (meta charset, http-equiv Content-Type, XML declaration), then sniffing (strict UTF-8,
/// else GB18030). AngleSharp is handed the decoded string, so its guess never applies.
/// </summary>
internal static partial class HtmlCharset
{
    // Chinese sites declare the 1980 name and serve GBK or GB18030; GB18030 decodes all three.
    private static readonly HashSet<string> GbLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "gb18030", "chinese", "csgb2312", "csiso58gb231280", "iso-ir-58", "cp936", "ms936", "windows-936", "euc-cn",
    };

    private static readonly HashSet<string> Big5Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950", "ms950", "windows-950",
    };

    /// <summary>Only the head of a page is searched for its declaration; Chinese CMS heads run long.</summary>
    private const int PrescanBytes = 8192;

    public static string Decode(byte[] content, out string encodingName)
    {
        var (encoding, skip) = Choose(content);
        if (encoding is null)
        {
            return TextDecoder.Decode(content, out encodingName);
        }

        encodingName = encoding.WebName;
        return encoding.GetString(content, skip, content.Length - skip);
    }

    /// <summary>The encoding to use and the bytes to skip; a null encoding leaves it to <see cref="TextDecoder"/>.</summary>
    private static (Encoding? Encoding, int Skip) Choose(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return (new UTF8Encoding(false), 3);
        }

        if (b.Length >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        {
            return (null, 0); // TextDecoder reads UTF-16 byte-order marks.
        }

        if (Declared(b) is not { } declared)
        {
            return Sniff(b);
        }

        var hasNonAscii = Array.Exists(b, x => x >= 0x80);

        // Valid UTF-8 with multi-byte sequences is UTF-8 whatever the page says: GBK or Big5
        // text is practically never valid UTF-8, while templates copied between sites often
        // keep a stale charset. Likewise a page declared UTF-8 whose bytes are not is sniffed.
        if (hasNonAscii && IsStrictUtf8(b))
        {
            return (new UTF8Encoding(false), 0);
        }

        if (declared is UTF8Encoding)
        {
            return Sniff(b);
        }

        // A Latin single-byte charset cannot hold a Chinese bulletin; its non-ASCII bytes
        // are a mislabelled legacy Chinese encoding, so sniff instead.
        if (hasNonAscii && declared.IsSingleByte)
        {
            return Sniff(b);
        }

        return (declared, 0);
    }

    /// <summary>
    /// Undeclared bytes: UTF-16 when its markup shows ("&lt;" beside a zero byte), else
    /// strict UTF-8, else GB18030. A stray zero byte in a UTF-8 or GBK page is not UTF-16.
    /// </summary>
    private static (Encoding? Encoding, int Skip) Sniff(byte[] b)
    {
        int little = 0, big = 0;
        for (var i = 0; i + 1 < b.Length; i += 2)
        {
            little += b[i] == (byte)'<' && b[i + 1] == 0 ? 1 : 0;
            big += b[i] == 0 && b[i + 1] == (byte)'<' ? 1 : 0;
        }

        if (little + big > 0)
        {
            return (null, 0); // TextDecoder tells UTF-16 and its byte order from the zero bytes.
        }

        return (IsStrictUtf8(b) ? new UTF8Encoding(false) : TextDecoder.Gb18030, 0);
    }

    private static Encoding? Declared(byte[] b)
    {
        // Latin-1 maps each byte to one char, so ASCII markup is readable whatever the encoding.
        var head = Encoding.Latin1.GetString(b, 0, Math.Min(b.Length, PrescanBytes));
        head = CommentPattern().Replace(head, " ");
        var match = XmlDeclarationPattern().Match(head);
        if (!match.Success)
        {
            match = MetaCharsetPattern().Match(head);
        }

        return match.Success ? ForLabel(match.Groups["label"].Value) : null;
    }

    private static Encoding? ForLabel(string label)
    {
        label = label.Trim();
        if (GbLabels.Contains(label))
        {
            return TextDecoder.Gb18030;
        }

        if (Big5Labels.Contains(label))
        {
            return Encoding.GetEncoding(950);
        }

        // A meta tag read as ASCII cannot describe UTF-16 bytes; the declaration is wrong.
        if (label.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || label.Equals("unicode", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            _ = TextDecoder.Gb18030; // registers the code-page provider
            var encoding = Encoding.GetEncoding(label);
            return encoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : encoding;
        }
        catch (ArgumentException)
        {
            return null; // an unknown label is no declaration at all
        }
    }

    private static bool IsStrictUtf8(byte[] b)
    {
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(b);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<label>[A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclarationPattern();

    // Covers <meta charset="gbk"> and <meta http-equiv="Content-Type" content="text/html; charset=gb2312">.
    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<label>[A-Za-z0-9_.:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
