using Extraction.Model;

namespace Extraction.Pipeline.Ingest;

/// <summary>Where ingested bulletins go (the database): what it knows of a content, and saving a file's outcome.</summary>
public interface IBulletinSink
{
    /// <summary>How this content fared at this path when the same extractor last read it: null when it has not; else its error, "" when it was parsed.</summary>
    string? Current(string sha256, string path, string extractorVersion);

    /// <summary>Opens a batch: the saves until it is disposed are committed together, each file still all or nothing.</summary>
    IDisposable Batch();

    /// <summary>Saves one file's outcome, all or nothing: its bulletin, or its error.</summary>
    IngestStatus Save(StoredFile file, BulletinDocument? bulletin, string? error, IReadOnlyList<FieldProvenance>? provenance = null);
}

/// <summary>A file as stored: where it was, its content hash and size, its format, and the extractor that read it.</summary>
/// <param name="ConvertedFrom">The file's own format when LibreOffice converted it to <paramref name="Format"/> to be read (doc, rtf).</param>
/// <param name="Ocr">The text was recognised by OCR from page images (a scanned PDF).</param>
public sealed record StoredFile(string Path, string FileName, string Sha256, long SizeBytes, string? Format, int? Pages, string ExtractorVersion, string? ConvertedFrom = null, bool Ocr = false);

public enum IngestStatus { Added, Updated, Unchanged, Failed }
