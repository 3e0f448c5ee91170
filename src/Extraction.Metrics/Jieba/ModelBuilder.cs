using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Extraction.Metrics.Jieba;

/// <summary>
/// Builds the compact dictionary and models from jieba's own files (its dict.txt and JSON
/// models, shipped in Resources/) and a user dictionary, counting as jieba.NET counts: a
/// word's last line sets its frequency and tag, every line adds to the total, and a user word
/// replaces the frequency of the same word and sets its tag.
/// </summary>
internal static partial class ModelBuilder
{
    public static PrefixDictionary Dictionary(string mainDictionary, string userDictionary)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        double total = 0;
        foreach (var line in File.ReadLines(mainDictionary, Encoding.UTF8))
        {
            var fields = line.Split(' ');
            if (fields.Length < 2)
            {
                continue;
            }

            frequencies[fields[0]] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            total += frequencies[fields[0]];
            if (fields.Length > 2)
            {
                tags[fields[0]] = fields[2];
            }
        }

        var number = 0;
        foreach (var line in File.ReadLines(userDictionary, Encoding.UTF8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = UserLine().Match(line.Trim());
            if (!fields.Groups["frequency"].Success)
            {
                throw new InvalidDataException($"{userDictionary}:{number}: '{line.Trim()}' has no frequency (a line is: word frequency tag)");
            }

            var word = fields.Groups["word"].Value.Trim();
            var frequency = int.Parse(fields.Groups["frequency"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (frequencies.TryGetValue(word, out var old) && old > 0)
            {
                total -= old;
            }

            frequencies[word] = frequency;
            total += frequency;
            if (fields.Groups["tag"].Value.Trim() is { Length: > 0 } tag)
            {
                tags[word] = tag;
            }
        }

        var words = frequencies.Keys.Order(StringComparer.Ordinal).ToArray();
        var tagNames = tags.Values.Distinct().Order(StringComparer.Ordinal).Prepend(string.Empty).ToArray();
        var tagIndex = tagNames.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => (ushort)p.i);
        var chars = new StringBuilder();
        var starts = new int[words.Length + 1];
        for (var i = 0; i < words.Length; i++)
        {
            starts[i] = chars.Length;
            chars.Append(words[i]);
        }

        starts[^1] = chars.Length;
        return new PrefixDictionary(
            chars.ToString().ToCharArray(),
            starts,
            [.. words.Select(w => frequencies[w])],
            [.. words.Select(w => tags.TryGetValue(w, out var t) ? tagIndex[t] : (ushort)0)],
            tagNames,
            total);
    }

    public static WordHmm WordModel(string transitionsFile, string emissionsFile)
    {
        var states = "BMES";
        var transitions = Enumerable.Repeat(WordHmm.MinProb, 16).ToArray();
        foreach (var (from, row) in Objects(transitionsFile))
        {
            foreach (var to in row.EnumerateObject())
            {
                transitions[(states.IndexOf(from[0], StringComparison.Ordinal) * 4) + states.IndexOf(to.Name[0], StringComparison.Ordinal)] = to.Value.GetDouble();
            }
        }

        var emissions = Enumerable.Repeat(WordHmm.MinProb, 4 * 65536).ToArray();
        foreach (var (state, row) in Objects(emissionsFile))
        {
            foreach (var emitted in row.EnumerateObject())
            {
                emissions[(states.IndexOf(state[0], StringComparison.Ordinal) * 65536) + emitted.Name[0]] = emitted.Value.GetDouble();
            }
        }

        return new WordHmm(transitions, emissions);
    }

    public static PosHmm PosModel(string startFile, string transitionsFile, string emissionsFile, string charStatesFile)
    {
        var trans = Objects(transitionsFile).ToList();
        var names = trans.Select(t => t.Name).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var n = names.Length;

        using var startDocument = JsonDocument.Parse(File.ReadAllBytes(startFile));
        var start = new double[n];
        foreach (var entry in startDocument.RootElement.EnumerateObject())
        {
            start[index[entry.Name]] = entry.Value.GetDouble();
        }

        var transitions = Enumerable.Repeat(double.MinValue, n * n).ToArray();
        var successors = new int[n][];
        foreach (var (from, row) in trans)
        {
            var targets = new List<int>();
            foreach (var to in row.EnumerateObject())
            {
                transitions[(index[from] * n) + index[to.Name]] = to.Value.GetDouble();
                targets.Add(index[to.Name]);
            }

            successors[index[from]] = [.. targets];
        }

        var emitChars = new char[n][];
        var emitValues = new double[n][];
        Array.Fill(emitChars, []);
        Array.Fill(emitValues, []);
        foreach (var (state, row) in Objects(emissionsFile))
        {
            var pairs = row.EnumerateObject().Select(e => (Char: e.Name[0], Value: e.Value.GetDouble())).OrderBy(e => e.Char).ToArray();
            emitChars[index[state]] = [.. pairs.Select(p => p.Char)];
            emitValues[index[state]] = [.. pairs.Select(p => p.Value)];
        }

        var charStates = Objects(charStatesFile)
            .Select(e => (Char: e.Name[0], States: e.Value.EnumerateArray().Select(s => index[s.GetString()!]).ToArray()))
            .OrderBy(e => e.Char)
            .ToArray();
        return new PosHmm(names, start, transitions, successors, emitChars, emitValues, [.. charStates.Select(c => c.Char)], [.. charStates.Select(c => c.States)]);
    }

    /// <summary>The members of a JSON file's top-level object, each value cloned so the document can go.</summary>
    private static IEnumerable<(string Name, JsonElement Value)> Objects(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.Clone()))];
    }

    /// <summary>A user dictionary line as jieba.NET reads it: the word, then optionally a frequency and a tag, separated by single spaces.</summary>
    [GeneratedRegex("^(?<word>.+?)(?<frequency> [0-9]+)?(?<tag> [a-z]+)?$")]
    private static partial Regex UserLine();
}
