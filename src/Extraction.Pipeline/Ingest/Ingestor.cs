using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Extraction.Pipeline.Ingest;

/// <summary>
/// Ingests a batch of files one by one, each isolated from the others: whatever one file does —
/// throw, run too long, be too big, vanish, be no file at all — is recorded as its failure with
/// a one-line reason, and the batch goes on. Content already read by the same extractor at the
/// same path is not parsed again.
/// </summary>
public sealed class Ingestor(BulletinParser parser, IBulletinSink sink, IngestLimits limits, string extractorVersion)
{
    public IngestSummary Run(IReadOnlyList<string> files, bool force, IProgress<IngestStep>? progress = null)
    {
        var counts = new Dictionary<IngestStatus, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < files.Count; i++)
        {
            var (status, detail) = One(files[i], force);
            counts[status] = counts.GetValueOrDefault(status) + 1;
            progress?.Report(new IngestStep(i + 1, files.Count, files[i], status, detail, counts.GetValueOrDefault(IngestStatus.Failed), clock.Elapsed));
        }

        return new IngestSummary(files.Count, counts, clock.Elapsed);
    }

    private (IngestStatus, string) One(string path, bool force)
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
            return (IngestStatus.Failed, reason);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        if (!force && sink.Current(sha256, path, extractorVersion) is { } before)
        {
            // A file that failed before fails again: the summary and --strict must still say so.
            return before.Length == 0 ? (IngestStatus.Unchanged, "") : (IngestStatus.Failed, $"{before} (as before)");
        }

        var outcome = ParseWithin(path, content, sha256);
        var source = outcome.Bulletin?.Source;
        var file = new StoredFile(path, Path.GetFileName(path), sha256, content.LongLength, source?.Format.ToString().ToLowerInvariant(), source?.Pages, extractorVersion);
        var status = sink.Save(file, outcome.Succeeded ? outcome.Bulletin : null, outcome.Error, outcome.Provenance);
        return (status, outcome.Succeeded ? $"{outcome.Bulletin!.Tasks.Count} tasks" : outcome.Error!);
    }

    /// <summary>
    /// Parses on a worker thread and waits at most the time limit. A parse past it is left to
    /// finish on its own — nothing waits for it or keeps what it returns — and the file fails.
    /// </summary>
    private ParseOutcome ParseWithin(string path, byte[] content, string sha256)
    {
        var work = Task.Factory.StartNew(() => parser.Parse(Path.GetFileName(path), content, path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!work.Wait(TimeSpan.FromSeconds(limits.MaxSeconds)))
            {
                _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default);
                return ParseOutcome.Failed(path, sha256, $"took longer than {limits.MaxSeconds:0.#} s to parse (the limit; --max-seconds to change it)");
            }

            return work.Result;
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            var reason = inner is OutOfMemoryException or InsufficientExecutionStackException
                ? "too large or too deeply nested to parse in the memory available"
                : $"could not be read ({inner.GetType().Name}: {OneLine(inner.Message)})";
            return ParseOutcome.Failed(path, sha256, reason);
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
