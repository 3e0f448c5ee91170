namespace Extraction.Readers;

/// <summary>A document that was read, or the one-line reason it could not be.</summary>
public sealed record ReadResult
{
    private ReadResult(RawDocument? document, string? error)
    {
        Document = document;
        Error = error;
    }

    public RawDocument? Document { get; }

    /// <summary>Why the file could not be read, in words a user can act on ("encrypted", "no text layer").</summary>
    public string? Error { get; }

    public bool Succeeded => Document is not null;

    public static ReadResult Success(RawDocument document) => new(document, null);

    public static ReadResult Failure(string error) => new(null, error);
}
