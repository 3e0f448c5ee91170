namespace Extraction.Readers.Docx;

/// <summary>
/// How much uncompressed XML the reader accepts per part. A zip entry's declared size can lie, so the
/// limit is checked against the declared size and enforced again while decompressing.
/// </summary>
public sealed record DocxLimits(long MainDocumentBytes, long OtherPartBytes)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>64 MB of document.xml is far beyond any bulletin (the seed has 50 KB).</summary>
    public static DocxLimits Default { get; } = new(64 * Megabyte, 16 * Megabyte);
}
