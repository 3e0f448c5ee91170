using System.Collections.Concurrent;
using Extraction.Rules.Caching;

namespace Extraction.Metrics.Jieba;

/// <summary>
/// The jieba segmenter of a user dictionary, made once per process. Its dictionary and models
/// are jieba's own (the files of the jieba.NET package, carried inside this assembly and written
/// out once, <see cref="EmbeddedFiles"/>), compiled on first use into the cache (<see cref="CacheLocator"/>) and read from there after:
/// a start that read jieba's text files took over a second. Each part loads when first needed.
/// A missing main dictionary fails loudly: without it jieba segments character by character.
/// </summary>
internal static class JiebaModels
{
    private static readonly ConcurrentDictionary<string, Lazy<JiebaCutter>> Cutters = new(StringComparer.Ordinal);

    public static JiebaCutter For(string userDictionary) =>
        Cutters.GetOrAdd(Path.GetFullPath(userDictionary), path => new Lazy<JiebaCutter>(() => Create(path, CacheLocator.Directory))).Value;

    /// <summary>A cutter whose models are read from, or compiled into, <paramref name="cache"/> (none: compiled in memory).</summary>
    internal static JiebaCutter Create(string userDictionary, string? cache)
    {
        var main = Resource("dict.txt");
        var dictionary = DerivedCache.Load(cache, "jieba-words", typeof(JiebaModels), [main, userDictionary], () => ModelBuilder.Dictionary(main, userDictionary), WriteDictionary, ReadDictionary);
        var words = new Lazy<WordHmm>(() => DerivedCache.Load(
            cache, "jieba-hmm", typeof(JiebaModels), [Resource("prob_trans.json"), Resource("prob_emit.json")],
            () => ModelBuilder.WordModel(Resource("prob_trans.json"), Resource("prob_emit.json")),
            (w, m) => { w.WriteArray(m.Transitions); w.WriteArray(m.Emissions); },
            r => new WordHmm(r.ReadArray<double>(), r.ReadArray<double>())));
        string[] pos = [Resource("pos_prob_start.json"), Resource("pos_prob_trans.json"), Resource("pos_prob_emit.json"), Resource("char_state_tab.json")];
        var tags = new Lazy<PosHmm>(() => DerivedCache.Load(cache, "jieba-pos", typeof(JiebaModels), pos, () => ModelBuilder.PosModel(pos[0], pos[1], pos[2], pos[3]), WritePos, ReadPos));
        return new JiebaCutter(dictionary, words, tags);
    }

    private static string Resource(string name)
    {
        var path = Path.Combine(EmbeddedFiles.Folder(typeof(JiebaModels).Assembly, "Resources/"), name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"the jieba model file {name} is missing ({path})");
    }

    private static void WriteDictionary(BinaryWriter writer, PrefixDictionary d)
    {
        writer.Write(d.Total);
        writer.WriteArray(d.Chars);
        writer.WriteArray(d.Starts);
        writer.WriteArray(d.Frequencies);
        writer.WriteArray(d.Tags);
        writer.WriteStrings(d.TagNames);
    }

    private static PrefixDictionary ReadDictionary(BinaryReader reader)
    {
        var total = reader.ReadDouble();
        return new PrefixDictionary(reader.ReadArray<char>(), reader.ReadArray<int>(), reader.ReadArray<int>(), reader.ReadArray<ushort>(), reader.ReadStrings(), total);
    }

    private static void WritePos(BinaryWriter writer, PosHmm m)
    {
        writer.WriteStrings(m.Names);
        writer.WriteArray(m.Start);
        writer.WriteArray(m.Transitions);
        WriteJagged(writer, m.Successors);
        WriteJagged(writer, m.EmitChars);
        WriteJagged(writer, m.EmitValues);
        writer.WriteArray(m.StateChars);
        WriteJagged(writer, m.CharStates);
    }

    private static PosHmm ReadPos(BinaryReader reader) => new(
        reader.ReadStrings(), reader.ReadArray<double>(), reader.ReadArray<double>(), ReadJagged<int>(reader),
        ReadJagged<char>(reader), ReadJagged<double>(reader), reader.ReadArray<char>(), ReadJagged<int>(reader));

    private static void WriteJagged<T>(BinaryWriter writer, T[][] rows)
        where T : unmanaged
    {
        writer.Write(rows.Length);
        foreach (var row in rows)
        {
            writer.WriteArray(row);
        }
    }

    private static T[][] ReadJagged<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length)
        {
            throw new InvalidDataException("list longer than the file");
        }

        var rows = new T[length][];
        for (var i = 0; i < length; i++)
        {
            rows[i] = reader.ReadArray<T>();
        }

        return rows;
    }
}
