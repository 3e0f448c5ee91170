namespace Extraction.Readers.Docx;

/// <summary>
/// Text of a w:sym. Symbol-font characters are stored in the private-use area (F0xx); the ones that carry
/// meaning in a bulletin (±, ×, ≥, √, check boxes) are mapped to Unicode, the rest dropped.
/// </summary>
internal static class SymbolCharacters
{
    private const string GreekUpper = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    private const string GreekLower = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";

    private static readonly Dictionary<int, char> Symbol = new()
    {
        [0x22] = '∀', [0x24] = '∃', [0x27] = '∋', [0x2A] = '∗', [0x2D] = '−',
        [0xA3] = '≤', [0xA5] = '∞', [0xAC] = '←', [0xAD] = '↑', [0xAE] = '→', [0xAF] = '↓',
        [0xB0] = '°', [0xB1] = '±', [0xB3] = '≥', [0xB4] = '×', [0xB7] = '•', [0xB8] = '÷',
        [0xB9] = '≠', [0xBB] = '≈', [0xD6] = '√',
    };

    private static readonly Dictionary<int, char> Wingdings = new()
    {
        [0x6C] = '●', [0x9F] = '•', [0xA7] = '▪', [0xA8] = '□', [0xD8] = '➢',
        [0xFB] = '×', [0xFC] = '√', [0xFD] = '☒', [0xFE] = '☑',
    };

    public static string Text(string? font, string? hexCode)
    {
        if (!int.TryParse(hexCode, System.Globalization.NumberStyles.HexNumber, null, out var code) || code is <= 0 or > 0xFFFF)
        {
            return string.Empty;
        }

        if (code is < 0xE000 or > 0xF8FF)
        {
            return char.IsSurrogate((char)code) ? string.Empty : ((char)code).ToString();
        }

        var low = code & 0xFF;
        return (font ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "symbol" => SymbolFont(low),
            var f when f.StartsWith("wingdings", StringComparison.Ordinal) => Wingdings.TryGetValue(low, out var w) ? w.ToString() : string.Empty,
            _ => string.Empty,
        };
    }

    private static string SymbolFont(int low) => low switch
    {
        _ when Symbol.TryGetValue(low, out var c) => c.ToString(),
        >= 0x41 and <= 0x5A => GreekUpper[low - 0x41].ToString(),
        >= 0x61 and <= 0x7A => GreekLower[low - 0x61].ToString(),
        >= 0x20 and <= 0x3F => ((char)low).ToString(),
        _ => string.Empty,
    };
}
