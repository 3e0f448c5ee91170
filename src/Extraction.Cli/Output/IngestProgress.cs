using System.Globalization;
using Extraction.Pipeline.Ingest;

namespace Extraction.Cli.Output;

/// <summary>
/// How a batch shows its progress: on a terminal, one line redrawn in place (files done/total,
/// rate, failures, the current file) with failures printed above it; elsewhere, a plain line per
/// file (failures only with --quiet). Then a summary table.
/// </summary>
internal sealed class IngestProgress(TextWriter output, bool quiet, bool terminal) : IProgress<IngestStep>, IDisposable
{
    private const int BarWidth = 24;
    private bool drawn;

    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

    public void Report(IngestStep step)
    {
        var line = $"[{step.Done.ToString(CultureInfo.InvariantCulture).PadLeft(step.Total.ToString(CultureInfo.InvariantCulture).Length)}/{step.Total}] {step.Status.ToString().ToLowerInvariant(),-9} {step.Path}  {step.Detail}";
        if (!terminal)
        {
            if (!quiet || step.Status == IngestStatus.Failed)
            {
                output.WriteLine(line);
            }

            return;
        }

        Clear();
        if (step.Status == IngestStatus.Failed || !quiet && step.Status != IngestStatus.Unchanged)
        {
            output.WriteLine(line);
        }

        var filled = step.Total == 0 ? BarWidth : step.Done * BarWidth / step.Total;
        var rate = step.Elapsed.TotalSeconds > 0 ? step.Done / step.Elapsed.TotalSeconds : 0;
        var name = Path.GetFileName(step.Path);
        output.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {step.Done}/{step.Total}  {rate.ToString("0.0", CultureInfo.InvariantCulture)} files/s  {step.Failures} failed  {(name.Length > 40 ? name[..40] + "…" : name)}");
        drawn = true;
    }

    public void Dispose() => Clear();

    /// <summary>
    /// What is printed after the batch: one line a script can read (how many files fared how) and,
    /// on a terminal, the same as a table with the time taken.
    /// </summary>
    public static void Summarise(TextWriter output, IngestSummary summary, string databasePath, bool terminal)
    {
        output.WriteLine(
            $"{summary.Files} file{(summary.Files == 1 ? "" : "s")} into {databasePath}: {summary.Count(IngestStatus.Added)} added, " +
            $"{summary.Count(IngestStatus.Updated)} updated, {summary.Count(IngestStatus.Unchanged)} unchanged, {summary.Count(IngestStatus.Failed)} failed");
        if (terminal)
        {
            output.WriteLine($"  {"in",-10}{summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6} s");
            foreach (var status in Enum.GetValues<IngestStatus>())
            {
                output.WriteLine($"  {status.ToString().ToLowerInvariant(),-10}{summary.Count(status),6}");
            }
        }

        if (summary.Count(IngestStatus.Failed) > 0)
        {
            output.WriteLine("failed files are listed by: extract status --failed");
        }
    }

    private void Clear()
    {
        if (drawn)
        {
            output.Write("\r\u001b[2K");
            drawn = false;
        }
    }
}
