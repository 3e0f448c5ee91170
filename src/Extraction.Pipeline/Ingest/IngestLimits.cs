namespace Extraction.Pipeline.Ingest;

/// <summary>
/// How much one file may cost a batch. A file over a limit is recorded as failed with the
/// limit in its reason, and the batch goes on.
/// </summary>
/// <param name="MaxBytes">Largest file read; bigger ones are refused before reading (a bulletin is kilobytes, a scan a few megabytes).</param>
/// <param name="MaxSeconds">Longest a file may take to parse; past it the file fails and the batch moves on.</param>
public sealed record IngestLimits(long MaxBytes, double MaxSeconds)
{
    public static IngestLimits Default { get; } = new(64L * 1024 * 1024, 20);
}
