using System.Text;
using Extraction.Pipeline;
using Extraction.Rules;

namespace Extraction.Benchmarks;

/// <summary>
/// The text the benchmarks run on: every task and progress paragraph of the corpus, as the
/// extractor sees them after segmentation, repeated to about 1 MB of UTF-8.
/// </summary>
public static class BenchmarkInput
{
    private const int TargetBytes = 1 << 20;

    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Extraction.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks inside the repository (Extraction.sln not found)");
    });

    public static RuleBook Book { get; } = RuleBookLoader.Load(Path.Combine(Root.Value, "rules"));

    public static RuleSet Rules => Book.Common;

    public static string CorpusFile(string name) => Path.Combine(Root.Value, "corpus", name);

    /// <summary>Task and progress texts, in document order, repeated to about 1 MB.</summary>
    public static IReadOnlyList<string> Fields()
    {
        var parser = new BulletinParser(Book);
        var once = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root.Value, "corpus"), "*.txt").Order(StringComparer.Ordinal))
        {
            if (parser.ParseFile(file).Bulletin is { } bulletin)
            {
                foreach (var task in bulletin.Tasks)
                {
                    once.Add(task.Text);
                    if (task.Progress is { } progress)
                    {
                        once.Add(progress.Text);
                    }
                }
            }
        }

        var fields = new List<string>();
        var bytes = 0;
        while (bytes < TargetBytes)
        {
            foreach (var field in once)
            {
                fields.Add(field);
                bytes += Encoding.UTF8.GetByteCount(field);
            }
        }

        return fields;
    }

    public static long Utf8Bytes(IEnumerable<string> texts) => texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
}
