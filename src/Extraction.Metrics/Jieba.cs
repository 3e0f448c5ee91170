using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Extraction.Metrics;

/// <summary>
/// The process-wide jieba.NET segmenter. Its dictionary is global and mutable, so each user
/// dictionary is loaded once; the part-of-speech segmenter reads word tags when it is made,
/// so it is made again after a user dictionary is added (else new words are tagged x).
/// A missing main dictionary fails loudly: without it jieba segments character by character.
/// </summary>
internal static class Jieba
{
    private static readonly HashSet<string> LoadedDictionaries = [];
    private static readonly Lock Gate = new();
    private static PosSegmenter? segmenter;
    private static JiebaSegmenter? words;

    public static PosSegmenter For(string userDictionary)
    {
        lock (Gate)
        {
            Load(userDictionary);
            return segmenter!;
        }
    }

    public static JiebaSegmenter Words(string userDictionary)
    {
        lock (Gate)
        {
            Load(userDictionary);
            return words!;
        }
    }

    private static void Load(string userDictionary)
    {
        if (LoadedDictionaries.Add(Path.GetFullPath(userDictionary)) || segmenter is null)
        {
            CheckMainDictionary();
            words = new JiebaSegmenter();
            words.LoadUserDict(userDictionary);
            segmenter = new PosSegmenter(words);
        }
    }

    private static void CheckMainDictionary()
    {
        var main = Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"the jieba dictionary is missing ({main}); the program was not installed with its Resources folder");
        }
    }
}
