namespace Extraction.Rules;

/// <summary>
/// Folds text for matching only: traditional characters to simplified, full-width digits,
/// Latin letters, ％．－ and the ideographic space to their plain forms. Each character maps
/// to exactly one character, so an offset in the folded text is the same offset in the
/// printed text, from which every extracted value is taken.
/// </summary>
public sealed class TextFolding
{
    private readonly Dictionary<char, char> map;
    private readonly Lazy<Dictionary<char, char>> unfold;

    public TextFolding(IReadOnlyDictionary<char, char> traditional, IReadOnlyList<FoldExample> examples)
    {
        map = new Dictionary<char, char>(traditional);
        Examples = examples;

        // A simplified character written back as the first traditional one the table folds into it.
        unfold = new(() => map.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key));
    }

    public IReadOnlyList<FoldExample> Examples { get; }

    public static TextFolding None { get; } = new(new Dictionary<char, char>(), []);

    public char Fold(char c) => c switch
    {
        // Full-width forms sit 0xFEE0 above ASCII; Chinese punctuation (，：（）) stays as it is.
        >= '０' and <= '９' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' or '％' or '．' or '－' => (char)(c - 0xFEE0),
        '\u3000' => ' ',
        _ => map.TryGetValue(c, out var simplified) ? simplified : c,
    };

    public string Fold(string text)
    {
        var folded = new char[text.Length];
        var changed = false;
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = Fold(text[i]);
            changed |= folded[i] != text[i];
        }

        return changed ? new string(folded) : text;
    }

    /// <summary>
    /// The ways a searched text may be written in a document: as given, folded (simplified,
    /// half-width), in traditional characters, and with full-width letters and digits. Mixed
    /// spellings within one word are not tried: they would multiply with its length.
    /// </summary>
    public IReadOnlyList<string> Spellings(string text)
    {
        var folded = Fold(text);
        var traditional = string.Concat(folded.Select(c => unfold.Value.TryGetValue(c, out var t) ? t : c));
        var wide = string.Concat(folded.Select(c => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '%' ? (char)(c + 0xFEE0) : c));
        return [.. new[] { text, folded, traditional, wide }.Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>A text and its folded form, checked by the rule tests.</summary>
public sealed record FoldExample(string Text, string Folded);
