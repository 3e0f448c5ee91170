using System.Reflection;

namespace Extraction.Rules.Caching;

/// <summary>
/// Data files a library carries inside its assembly (the rules, jieba's models), written out
/// as a folder the first time they are needed, for code that reads files: the library works
/// from a NuGet package or a single-file program with nothing installed beside it. The folder
/// is in the cache, named by the assembly's build, written under a temporary name and renamed,
/// so a reader never sees half of it; without a writable cache, a folder of the process's own.
/// </summary>
public static class EmbeddedFiles
{
    private static readonly Dictionary<(Assembly, string), string> Extracted = [];

    /// <summary>The folder holding the resources of <paramref name="assembly"/> whose names start with <paramref name="prefix"/> (a path with '/', such as "rules/").</summary>
    public static string Folder(Assembly assembly, string prefix)
    {
        lock (Extracted)
        {
            if (!Extracted.TryGetValue((assembly, prefix), out var folder))
            {
                Extracted[(assembly, prefix)] = folder = Write(assembly, prefix);
            }

            return folder;
        }
    }

    private static string Write(Assembly assembly, string prefix)
    {
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} carries no files under {prefix}");
        }

        var label = $"{assembly.GetName().Name}-{prefix.TrimEnd('/').Replace('/', '-')}-{assembly.ManifestModule.ModuleVersionId:N}";
        var cache = CacheLocator.Directory;
        var folder = cache is null ? Path.Combine(Path.GetTempPath(), $"{label}-{Environment.ProcessId}") : Path.Combine(cache, label);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var partial = $"{folder}.{Guid.NewGuid():N}.partial";
        foreach (var name in names)
        {
            var path = Path.Combine(partial, name[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var target = File.Create(path);
            source.CopyTo(target);
        }

        try
        {
            Directory.Move(partial, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // Another process wrote the same files first: theirs are as good.
            Directory.Delete(partial, recursive: true);
        }

        return folder;
    }
}
