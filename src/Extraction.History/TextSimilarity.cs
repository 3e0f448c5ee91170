namespace Extraction.History;

/// <summary>How alike two Chinese texts are: the Dice coefficient of their character pairs, punctuation and spaces left out.</summary>
public static class TextSimilarity
{
    public static double Dice(string? a, string? b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

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

        return 2.0 * shared / (x.Count + y.Count);
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
