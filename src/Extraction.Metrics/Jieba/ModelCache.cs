using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Extraction.Metrics.Jieba;

/// <summary>
/// Compiled models kept on disk, each under the SHA-256 of the files it was built from and of
/// its format, so that an edited dictionary or a new format is never read stale. A file that
/// cannot be read is built again; a cache that cannot be written only costs the next run the
/// build. Files are written under a temporary name and renamed, so a reader never sees half.
/// </summary>
internal static class ModelCache
{
    public static T Load<T>(string? directory, string name, int format, IReadOnlyList<string> sources, Func<T> build, Action<BinaryWriter, T> write, Func<BinaryReader, T> read)
    {
        if (directory is null)
        {
            return build();
        }

        var path = Path.Combine(directory, $"jieba-{name}-{Key(format, sources)}.bin");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream);
            var model = read(reader);
            if (stream.Position == stream.Length)
            {
                return model;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or OverflowException)
        {
            // Absent, truncated or foreign: built again below.
        }

        var built = build();
        Save(path, writer => write(writer, built));
        return built;
    }

    private static void Save(string path, Action<BinaryWriter> write)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream))
            {
                write(writer);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
        }
    }

    private static string Key(int format, IReadOnlyList<string> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(BitConverter.GetBytes(format));
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
