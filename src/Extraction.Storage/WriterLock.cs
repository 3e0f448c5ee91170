namespace Extraction.Storage;

/// <summary>
/// One ingest at a time per database: held for the whole batch (bulletins and the history
/// rebuild), so a second ingest is refused with a clear message instead of interleaving.
/// The lock is the operating system's (released when the process ends, even by kill -9).
/// </summary>
public sealed class WriterLock : IDisposable
{
    private readonly FileStream file;

    private WriterLock(FileStream file) => this.file = file;

    /// <exception cref="InvalidOperationException">Another ingest holds the database.</exception>
    public static WriterLock Acquire(string databasePath)
    {
        var path = databasePath + ".lock";
        try
        {
            return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new InvalidOperationException($"another ingest is writing to {databasePath}; wait for it to finish (its lock is {path})");
        }
    }

    public void Dispose() => file.Dispose();
}
