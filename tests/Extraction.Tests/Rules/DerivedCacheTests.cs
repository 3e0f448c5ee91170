using System.Diagnostics;

namespace Extraction.Tests.Rules;

/// <summary>
/// The cache of compiled dictionaries and parsed rule files is a shortcut, never a reason to
/// fail: damaged files are built again, and without a usable cache directory everything is
/// built in memory, with the same result.
/// </summary>
public sealed class DerivedCacheTests
{
    [Fact]
    public void Damaged_cache_files_and_an_unusable_cache_directory_give_the_same_bulletin()
    {
        using var dir = new TempDirectory();
        var file = TestPaths.CorpusFile("sanmenxia-2020-11.txt");
        var cache = dir.File("cache");
        var (exit, expected) = Parse(file, cache);
        Assert.Equal(0, exit);
        var files = Directory.GetFiles(cache);
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("jieba-words-", StringComparison.Ordinal));
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("rules-", StringComparison.Ordinal));

        var originals = files.ToDictionary(f => f, File.ReadAllBytes);
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(f);
            Array.Reverse(bytes, 0, Math.Min(bytes.Length, 64));
            File.WriteAllBytes(f, bytes);
        }

        Assert.Equal((0, expected), Parse(file, cache));
        Assert.All(files, f => Assert.Equal(originals[f], File.ReadAllBytes(f)));

        File.WriteAllText(dir.File("not-a-folder"), "");
        Assert.Equal((0, expected), Parse(file, Path.Combine(dir.File("not-a-folder"), "cache")));
    }

    private static (int Exit, string Json) Parse(string file, string cache)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "extract.dll"), "parse", file, "--json", "--rules", TestPaths.Rules })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["EXTRACTION_CACHE"] = cache;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
