using System.IO.Compression;
using System.Text;
using Extraction.Model;

namespace Extraction.Readers;

/// <summary>Tells a document's format from its bytes, never from its file name.</summary>
public static class FormatDetector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The format, or null with a reason when the content is not a supported document.</summary>
    public static (SourceFormat? Format, string? Error) Detect(byte[] content)
    {
        if (content.Length == 0)
        {
            return (null, "empty file");
        }

        // A PDF may carry junk before its header; the specification allows 1 KB.
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        if (head.IndexOf(PdfMagic) >= 0)
        {
            return (SourceFormat.Pdf, null);
        }

        if (content.AsSpan().StartsWith(ZipMagic))
        {
            return IsWordDocument(content) ? (SourceFormat.Docx, null) : (null, "a zip archive that is not a Word document");
        }

        if (content.AsSpan().StartsWith(OleMagic))
        {
            return (null, "a legacy Word/Excel file (.doc/.xls) or an encrypted Office file; save it as .docx");
        }

        if (LooksLikeHtml(head.ToArray()))
        {
            return (SourceFormat.Html, null);
        }

        return TextDecoder.LooksLikeText(content) ? (SourceFormat.Txt, null) : (null, "unknown format (not text, Word, PDF or HTML)");
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
