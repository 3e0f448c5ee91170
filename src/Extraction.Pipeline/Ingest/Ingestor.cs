using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Extraction.Readers.Office;

namespace Extraction.Pipeline.Ingest;

/// <summary>
/// Ingests a batch of files one by one, each isolated from the others: whatever one file does —
/// throw, run too long, be too big, vanish, be no file at all — is recorded as its failure with
/// a one-line reason, and the batch goes on. Content already read by the same extractor at the
/// same path is not parsed again.
/// </summary>
public sealed class Ingestor(BulletinParser parser, IBulletinSink sink, IngestLimits limits, string extractorVersion)
{
    /// <summary>Files read and parsing ahead per job while the ones before are saved.</summary>
    private const int FilesPerJob = 8;

    /// <summary>
    /// Saved files are committed together, at least this often: every commit rewrites the index
    /// pages the batch touched, so committing every few files wrote the database over many
    /// times; a crash loses at most this much work, never a committed or half a file.
    /// </summary>
    private static readonly TimeSpan CommitEvery = TimeSpan.FromSeconds(1);

    /// <summary>… and after at most this many files.</summary>
    private const int MaxFilesPerCommit = 256;

    /// <param name="jobs">
    /// How many files are parsed at once, on as many workers, while this thread saves them one
    /// at a time in input order (so a run is reproducible). With one job the files are parsed
    /// and saved in turn: one core.
    /// </param>
    public IngestSummary Run(IReadOnlyList<string> files, bool force, IProgress<IngestStep>? progress = null, int jobs = 1)
    {
        jobs = Math.Max(1, jobs);
        var ahead = jobs == 1 ? 1 : jobs * FilesPerJob;
        var counts = new Dictionary<IngestStatus, int>();
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(jobs);
        var pending = new Queue<(Prepared File, Task<ParseOutcome>? Parse)>();
        IDisposable? commit = null;
        var (batchStart, inBatch) = (TimeSpan.Zero, 0);
        try
        {
            for (int next = 0, saved = 0; saved < files.Count; saved++)
            {
                // Reading, hashing and asking the database stay on this thread, a window ahead
                // of the file being saved; parsing runs on the workers, one file per job at a time.
                while (next < files.Count && pending.Count < ahead)
                {
                    var prepared = Prepare(files[next++], force);
                    pending.Enqueue((prepared, prepared.Content is null ? null : ParseWithin(prepared.Path, prepared.Content, prepared.Sha256!, gate)));
                }

                if (commit is null)
                {
                    commit = sink.Batch();
                    (batchStart, inBatch) = (clock.Elapsed, 0);
                }

                var (file, parse) = pending.Dequeue();
                var (status, detail) = file.Done ?? Save(file, parse!.GetAwaiter().GetResult());
                counts[status] = counts.GetValueOrDefault(status) + 1;
                progress?.Report(new IngestStep(saved + 1, files.Count, file.Path, status, detail, counts.GetValueOrDefault(IngestStatus.Failed), clock.Elapsed));
                if (++inBatch >= MaxFilesPerCommit || clock.Elapsed - batchStart >= CommitEvery)
                {
                    commit.Dispose();
                    commit = null;
                }
            }
        }
        finally
        {
            commit?.Dispose();
        }

        return new IngestSummary(files.Count, counts, clock.Elapsed);
    }

    /// <summary>A file read and hashed, ready to parse; or already done (unreadable, unchanged).</summary>
    private sealed record Prepared(string Path, byte[]? Content, string? Sha256, (IngestStatus, string)? Done);

    private Prepared Prepare(string path, bool force)
    {
        byte[] content;
        try
        {
            content = ReadBounded(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FileTooLargeException)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("unreadable:" + Path.GetFullPath(path))));
            var reason = OneLine(e.Message);
            sink.Save(new StoredFile(path, Path.GetFileName(path), sha, 0, null, null, extractorVersion), null, reason);
            return new Prepared(path, null, null, (IngestStatus.Failed, reason));
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!force && sink.Current(sha256, path, extractorVersion) is { } before && !NoVerdict.Any(reason => before.EndsWith(reason, StringComparison.Ordinal)))
        {
            // A file that failed before fails again: the summary and --strict must still say so.
            return new Prepared(path, null, sha256, before.Length == 0 ? (IngestStatus.Unchanged, "") : (IngestStatus.Failed, $"{before} (as before)"));
        }

        return new Prepared(path, content, sha256, null);
    }

    /// <summary>
    /// Failures that are no verdict on the file, told by how their reason ends: one that said to
    /// install LibreOffice (once it is installed, the next ingest reads the file instead of
    /// reporting it failed as before), and running out of time (the next ingest tries again, and
    /// a scan goes on from the pages it had recognised: they are kept as they are read).
    /// </summary>
    private static readonly string[] NoVerdict = [LibreOfficeLocator.InstallHint, OverTime];

    private const string OverTime = "s to parse (the limit; --max-seconds to change it)";

    private (IngestStatus, string) Save(Prepared file, ParseOutcome outcome)
    {
        var source = outcome.Bulletin?.Source;
        var stored = new StoredFile(file.Path, Path.GetFileName(file.Path), file.Sha256!, file.Content!.LongLength, source?.Format.ToString().ToLowerInvariant(), source?.Pages, extractorVersion, source?.ConvertedFrom?.ToString().ToLowerInvariant(), source?.Ocr == true);
        var status = sink.Save(stored, outcome.Succeeded ? outcome.Bulletin : null, outcome.Error, outcome.Provenance);
        return (status, outcome.Succeeded ? $"{outcome.Bulletin!.Tasks.Count} tasks" : outcome.Error!);
    }

    /// <summary>
    /// Parses on a worker thread and waits at most the time limit. A parse past it is left to
    /// finish on its own — nothing waits for it or keeps what it returns — and the file fails.
    /// </summary>
    private async Task<ParseOutcome> ParseWithin(string path, byte[] content, string sha256, SemaphoreSlim gate)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            // The limit also stops what the parse runs outside this process (LibreOffice converting
            // a .doc): an abandoned parse must not leave a converter running for the rest of the batch.
            var stop = new CancellationTokenSource();
            // On the thread pool, not a thread of its own: a thread per file cost a sixth of an
            // ingest's CPU (its start, and the per-thread buffers the runtime sets up and trims
            // again). A parse that overruns the limit keeps its pool thread, and the pool adds another.
            var work = Task.Run(() => parser.Parse(Path.GetFileName(path), content, path, stop.Token));
            if (await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(limits.MaxSeconds))).ConfigureAwait(false) != work)
            {
                stop.Cancel();
                _ = work.ContinueWith(t => { stop.Dispose(); return t.Exception; }, TaskScheduler.Default);
                return ParseOutcome.Failed(path, sha256, $"took longer than {limits.MaxSeconds:0.#} {OverTime}");
            }

            stop.Dispose();

            try
            {
                return await work.ConfigureAwait(false);
            }
            catch (Exception inner)
            {
                var reason = inner is OutOfMemoryException or InsufficientExecutionStackException
                    ? "too large or too deeply nested to parse in the memory available"
                    : $"could not be read ({inner.GetType().Name}: {OneLine(inner.Message)})";
                return ParseOutcome.Failed(path, sha256, reason);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The file's bytes, refusing one over the size limit before reading it all (a link to /dev/zero never ends).</summary>
    private byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > limits.MaxBytes)
        {
            throw new FileTooLargeException(stream.Length, limits.MaxBytes);
        }

        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, limits.MaxBytes) : 81920);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limits.MaxBytes)
            {
                throw new FileTooLargeException(null, limits.MaxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private sealed class FileTooLargeException(long? size, long limit)
        : Exception($"{(size is { } s ? $"{Megabytes(s)} MB" : "more than the limit")}: files over {Megabytes(limit)} MB are not read (the limit; --max-mb to change it)")
    {
        private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One file done: its place in the batch, how it fared, and the failures so far.</summary>
public sealed record IngestStep(int Done, int Total, string Path, IngestStatus Status, string Detail, int Failures, TimeSpan Elapsed);

public sealed record IngestSummary(int Files, IReadOnlyDictionary<IngestStatus, int> Counts, TimeSpan Elapsed)
{
    public int Count(IngestStatus status) => Counts.GetValueOrDefault(status);
}
