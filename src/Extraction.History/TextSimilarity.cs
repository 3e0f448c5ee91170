namespace Extraction.History;

/// <summary>How alike two Chinese texts are, by their character pairs, punctuation and spaces left out.</summary>
public static class TextSimilarity
{
    /// <summary>Shared pairs against the pairs of both (Dice): two task texts that say the same thing.</summary>
    public static double Dice(string? a, string? b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        return x.Count == 0 || y.Count == 0 ? 0 : 2.0 * Shared(x, y) / (x.Count + y.Count);
    }

    /// <summary>
    /// Shared pairs against the pairs of the shorter text: a short metric (完成适老化改造) that is
    /// mostly inside a long one (特殊困难老年人开展居家适老化改造) measures the same thing.
    /// </summary>
    public static double Overlap(string? a, string? b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        return x.Count == 0 || y.Count == 0 ? 0 : (double)Shared(x, y) / Math.Min(x.Count, y.Count);
    }

    private static int Shared(List<(char, char)> x, List<(char, char)> y)
    {
        var counts = new Dictionary<(char, char), int>();
        foreach (var pair in x)
        {
            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }

        var shared = 0;
        foreach (var pair in y)
        {
            if (counts.GetValueOrDefault(pair) > 0)
            {
                counts[pair]--;
                shared++;
            }
        }

        return shared;
    }

    private static List<(char, char)> Pairs(string? text)
    {
        var letters = (text ?? "").Where(char.IsLetterOrDigit).ToArray();
        var pairs = new List<(char, char)>(Math.Max(0, letters.Length - 1));
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            pairs.Add((letters[i], letters[i + 1]));
        }

        // A one-character text still has something to compare.
        if (letters.Length == 1)
        {
            pairs.Add((letters[0], ' '));
        }

        return pairs;
    }
}
