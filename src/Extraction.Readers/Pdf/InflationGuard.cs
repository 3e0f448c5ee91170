using System.IO.Compression;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Refuses a PDF whose compressed streams expand beyond any real bulletin's before the PDF
/// library inflates them whole: a 1 MB file can hold a stream of 9 GB (a decompression bomb).
/// Each Flate stream is inflated into nothing, counting, and the count stops at the limit.
/// </summary>
internal static class InflationGuard
{
    /// <summary>The most a PDF's images may expand to (a scanned bulletin's pages are a few hundred MB at most).</summary>
    public const long MaxImageBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The most its other streams — page text, fonts — may expand to. A bulletin's text is
    /// kilobytes a page; the PDF library's cost grows with every text operation (420 MB of them
    /// took it 10 GB of memory).
    /// </summary>
    public const long MaxOtherBytes = 64L * 1024 * 1024;

    private const int DictionaryReach = 2048;
    private static readonly byte[] ImageSubtype = "/Image"u8.ToArray();

    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndKeyword = "endstream"u8.ToArray();

    /// <summary>Null when the streams stay within the limit; else the reason to refuse the file.</summary>
    public static string? Check(byte[] pdf)
    {
        long images = 0;
        long others = 0;
        var buffer = new byte[81920];
        var at = 0;
        while ((at = IndexOf(pdf, StreamKeyword, at)) >= 0)
        {
            var start = at + StreamKeyword.Length;
            at = start;

            // "endstream" contains "stream": skip it, and keywords not followed by a line break.
            if (IsEnd(pdf, start - StreamKeyword.Length) || start >= pdf.Length || pdf[start] is not ((byte)'\r' or (byte)'\n'))
            {
                continue;
            }

            start += pdf[start] == '\r' && start + 1 < pdf.Length && pdf[start + 1] == '\n' ? 2 : 1;
            var end = IndexOf(pdf, EndKeyword, start);
            if (end < 0)
            {
                end = pdf.Length;
            }

            var dictionary = pdf.AsSpan(Math.Max(0, at - StreamKeyword.Length - DictionaryReach), Math.Min(at - StreamKeyword.Length, DictionaryReach));
            var image = dictionary.IndexOf(ImageSubtype) >= 0;
            var (limit, used) = image ? (MaxImageBytes, images) : (MaxOtherBytes, others);
            var inflated = Inflated(pdf, start, end - start, buffer, limit - used);
            if (image)
            {
                images += inflated;
            }
            else
            {
                others += inflated;
            }

            if (used + inflated >= limit)
            {
                return $"its compressed {(image ? "images" : "text and fonts")} expand beyond {limit / 1024 / 1024} MB (a decompression bomb?)";
            }

            at = end;
        }

        return null;
    }

    /// <summary>How many bytes a stream inflates to, up to <paramref name="budget"/>; 0 for one that is not zlib data.</summary>
    private static long Inflated(byte[] pdf, int start, int length, byte[] buffer, long budget)
    {
        if (length < 2 || (pdf[start] & 0x0F) != 8)
        {
            return 0;
        }

        long count = 0;
        try
        {
            using var input = new MemoryStream(pdf, start, length, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            int read;
            while (count < budget && (read = zlib.Read(buffer)) > 0)
            {
                count += read;
            }
        }
        catch (InvalidDataException)
        {
            // Not zlib data after all, or damaged: the PDF library says what it makes of it.
        }

        return count;
    }

    private static bool IsEnd(byte[] pdf, int keyword) => keyword >= 3 && pdf[keyword - 3] == 'e' && pdf[keyword - 2] == 'n' && pdf[keyword - 1] == 'd';

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        from >= haystack.Length ? -1 : haystack.AsSpan(from).IndexOf(needle) is var i and >= 0 ? from + i : -1;
}
