namespace Extraction.Rules.Caching;

/// <summary>
/// Where derived data is kept between runs (compiled dictionaries and the like, each file named
/// by the hash of what it was made from, so a stale one is never read): <c>EXTRACTION_CACHE</c>,
/// else <c>$XDG_CACHE_HOME/extraction</c>, else <c>~/.cache/extraction</c> (on Windows
/// <c>%LOCALAPPDATA%\extraction\cache</c>). Null when none can be made: then nothing is cached.
/// </summary>
public static class CacheLocator
{
    public const string EnvironmentVariable = "EXTRACTION_CACHE";

    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The cache of this process, looked for (and made) once.</summary>
    public static string? Directory => Located.Value;

    public static string? Locate()
    {
        foreach (var candidate in Candidates())
        {
            try
            {
                System.IO.Directory.CreateDirectory(candidate);
                return candidate;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // An unwritable home is no reason to fail: the next place, or no cache.
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } set)
        {
            yield return set;
            yield break;
        }

        if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "extraction", "cache");
        }
        else if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg)
        {
            yield return Path.Combine(xdg, "extraction");
        }
        else if (Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home)
        {
            yield return Path.Combine(home, ".cache", "extraction");
        }

        yield return Path.Combine(Path.GetTempPath(), $"extraction-cache-{Environment.UserName}");
    }
}
