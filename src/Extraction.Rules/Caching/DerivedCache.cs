using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Extraction.Rules.Caching;

/// <summary>
/// What the program derives from its data files (compiled dictionaries, parsed rule files),
/// kept on disk under the SHA-256 of those files and of the code that reads and writes the
/// derived form (its module's version id, new with every build that changes it), so that an
/// edited file or a new program never reads a stale one. A file that cannot be read is built
/// again; a cache that cannot be written only costs the next run the build. Files are written
/// under a temporary name and renamed, so a reader never sees half of one, and end in a digest
/// of their content, so a damaged one is built again rather than read.
/// </summary>
public static class DerivedCache
{
    private const int DigestLength = 32;

    /// <param name="directory">The cache (<see cref="CacheLocator.Locate"/>); null: build, keep nothing.</param>
    /// <param name="name">What is kept, the start of the file's name.</param>
    /// <param name="code">The type whose module reads and writes the derived form.</param>
    /// <param name="sources">The files it is derived from.</param>
    public static T Load<T>(string? directory, string name, Type code, IReadOnlyList<string> sources, Func<T> build, Action<BinaryWriter, T> write, Func<BinaryReader, T> read)
    {
        if (directory is null)
        {
            return build();
        }

        var path = Path.Combine(directory, $"{name}-{Key(code.Module.ModuleVersionId, sources)}.bin");
        try
        {
            // The file ends in the SHA-256 of what precedes it: a damaged file is never read as a model.
            var content = File.ReadAllBytes(path);
            var body = content.AsMemory(0, Math.Max(0, content.Length - DigestLength));
            if (content.Length >= DigestLength && SHA256.HashData(body.Span).AsSpan().SequenceEqual(content.AsSpan(body.Length)))
            {
                using var stream = new MemoryStream(content, 0, body.Length, writable: false);
                using var reader = new BinaryReader(stream);
                var model = read(reader);
                if (stream.Position == stream.Length)
                {
                    return model;
                }
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException or ThreadAbortException))
        {
            // Absent, truncated, damaged or foreign (whatever the reader made of it): built again below.
        }

        var built = build();
        Save(path, writer => write(writer, built));
        Prune(directory, name);
        return built;
    }

    /// <summary>Files of the same kind not read for a month go: each new program or edited file leaves one behind.</summary>
    private static void Prune(string directory, string name)
    {
        var month = DateTime.UtcNow.AddDays(-30);
        try
        {
            foreach (var stale in new DirectoryInfo(directory).EnumerateFiles($"{name}-*.bin").Where(f => f.LastAccessTimeUtc < month && f.LastWriteTimeUtc < month))
            {
                stale.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may be pruning too; what is left goes next time.
        }
    }

    private static void Save(string path, Action<BinaryWriter> write)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var body = new MemoryStream())
            {
                using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
                {
                    write(writer);
                }

                using var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                body.Position = 0;
                body.CopyTo(file);
                file.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the cache is only a shortcut.
            }
        }
    }

    private static string Key(Guid code, IReadOnlyList<string> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(code.ToByteArray());
        foreach (var source in sources)
        {
            var content = File.ReadAllBytes(source);
            hash.AppendData(BitConverter.GetBytes(content.LongLength));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    public static void WriteArray<T>(this BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static T[] ReadArray<T>(this BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || (long)length * Marshal.SizeOf<T>() > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("array longer than the file");
        }

        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static void WriteStrings(this BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static string[] ReadStrings(this BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length)
        {
            throw new InvalidDataException("list longer than the file");
        }

        var values = new string[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }
}
