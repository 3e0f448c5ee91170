using System.Buffers.Binary;
using System.IO.Compression;
using Extraction.Model;
using Extraction.Readers.Office;

namespace Extraction.Readers;

/// <summary>What a file's bytes are: the format its text is read from, or why it cannot be read.</summary>
/// <param name="ConvertFrom">A legacy format that LibreOffice converts to <paramref name="Format"/> before it is read; null for a format read as it is.</param>
public sealed record Detection(SourceFormat? Format, string? Error, LegacyFormat? ConvertFrom = null)
{
    /// <summary>An image file (png, jpeg, tiff), read by OCR as a scan of one page; its format is then pdf, as a scan's.</summary>
    public string? Image { get; init; }

    public static Detection Scan(string image) => new(SourceFormat.Pdf, null) { Image = image };

    public static Detection Of(SourceFormat format) => new(format, null);

    public static Detection Converted(LegacyFormat from) => new(SourceFormat.Docx, null, from);

    public static Detection Refused(string error) => new(null, error);
}

/// <summary>Tells a document's format from its bytes, never from its file name.</summary>
public static class FormatDetector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] RtfMagic = @"{\rtf"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];

    /// <summary>The format, or a reason when the content is not a supported document.</summary>
    public static Detection Detect(byte[] content)
    {
        if (content.Length == 0)
        {
            return Detection.Refused("empty file");
        }

        // A PDF may carry junk before its header; the specification allows 1 KB.
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.IndexOf(PdfMagic) >= 0)
        {
            return Detection.Of(SourceFormat.Pdf);
        }

        if (ImageKind(content) is { } image)
        {
            return Detection.Scan(image);
        }

        if (content.AsSpan().StartsWith(ZipMagic))
        {
            // WPS Writer saves .wps files in this form too: they are read as what they are.
            return IsWordDocument(content) ? Detection.Of(SourceFormat.Docx) : Detection.Refused("a zip archive that is not a Word document");
        }

        if (content.AsSpan().StartsWith(OleMagic))
        {
            return OfficeFile(content);
        }

        // RTF is ASCII: read as text, it would be its control words.
        if (head.TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8).StartsWith(RtfMagic))
        {
            return Detection.Converted(LegacyFormat.Rtf);
        }

        if (LooksLikeHtml(head.ToArray()))
        {
            return Detection.Of(SourceFormat.Html);
        }

        return TextDecoder.LooksLikeText(content) ? Detection.Of(SourceFormat.Txt) : Detection.Refused("unknown format (not text, Word, PDF or HTML)");
    }

    /// <summary>
    /// An OLE compound file, told by its streams: a Word 97–2003 document (WPS Writer's .wps
    /// too) holds WordDocument; a password-protected .docx or .xlsx holds EncryptedPackage; a
    /// spreadsheet holds Workbook (Book in Excel 5/95 files).
    /// </summary>
    private static Detection OfficeFile(byte[] content)
    {
        if (CompoundFile.Open(content) is not { } file)
        {
            return Detection.Refused("a damaged Office file (its OLE directory cannot be read)");
        }

        if (file.Has("EncryptedPackage"))
        {
            return Detection.Refused("an encrypted Office file: it needs a password to open; save it again without one");
        }

        if (file.Has("WordDocument"))
        {
            return WordFileState(file.FirstSector("WordDocument")) switch
            {
                WordState.Encrypted => Detection.Refused("an encrypted Word file (.doc): it needs a password to open; save it again without one"),
                WordState.Damaged => Detection.Refused("a damaged Word file (.doc): its WordDocument stream does not begin as Word's do"),
                _ => Detection.Converted(LegacyFormat.Doc),
            };
        }

        return file.Has("Workbook") || file.Has("Book")
            ? Detection.Refused("a spreadsheet (.xls/.et), not a bulletin document; save the bulletin as .docx, .pdf or .txt")
            : Detection.Refused("an Office file that is not a Word document (no WordDocument stream)");
    }

    private enum WordState { Readable, Encrypted, Damaged }

    /// <summary>
    /// What the Word file information block at the start of the WordDocument stream says
    /// ([MS-DOC] 2.5.2): its magic number (Word 97 and later, or Word 6/95) and its fEncrypted
    /// flag. A stream too short to hold its sectors apart is left to LibreOffice to judge.
    /// </summary>
    private static WordState WordFileState(ReadOnlySpan<byte> fib)
    {
        const ushort Word97 = 0xA5EC, Word6 = 0xA5DC, Encrypted = 0x0100;
        if (fib.Length < 12)
        {
            return WordState.Readable;
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(fib) is not (Word97 or Word6))
        {
            return WordState.Damaged;
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(fib[0x0A..]) & Encrypted) != 0 ? WordState.Encrypted : WordState.Readable;
    }

    private static string? ImageKind(byte[] content)
    {
        var span = content.AsSpan();
        return span.StartsWith(PngMagic) ? "png"
            : span.StartsWith(JpegMagic) ? "jpeg"
            : span.StartsWith(TiffLittle) || span.StartsWith(TiffBig) ? "tiff"
            : null;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            // A damaged archive still names itself as a docx when its directory lists the part.
            return content.AsSpan().IndexOf("word/document.xml"u8) >= 0;
        }
    }

    private static bool LooksLikeHtml(byte[] head)
    {
        // Decoded as text, not as ASCII, so a UTF-8 byte-order mark or UTF-16 markup is seen too.
        var text = TextDecoder.Decode(head, out _).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return text.StartsWith("<!doctype html", StringComparison.Ordinal)
            || text.StartsWith("<html", StringComparison.Ordinal)
            || (text.StartsWith('<') && (text.Contains("<html", StringComparison.Ordinal) || text.Contains("<body", StringComparison.Ordinal) || text.Contains("<head", StringComparison.Ordinal)));
    }
}
