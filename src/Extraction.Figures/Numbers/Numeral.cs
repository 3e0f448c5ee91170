namespace Extraction.Figures.Numbers;

/// <summary>Reads a whole string as a number, in Arabic (also full-width) or Chinese numerals.</summary>
public static class Numeral
{
    public static bool IsArabicDigit(char c) => c is (>= '0' and <= '9') or (>= '０' and <= '９');

    public static int ArabicValue(char c) => c <= '9' ? c - '0' : c - '０';

    public static int? ToInt(string? text)
    {
        if (text is null || !TryParse(text.Trim(), out var value) || value != decimal.Truncate(value) || value > int.MaxValue)
        {
            return null;
        }

        return (int)value;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        text = Trim(text);

        // ① … ⑳: circled numbers, used to number items.
        if (text.Length == 1 && text[0] is >= '①' and <= '⑳')
        {
            value = text[0] - '①' + 1;
            return true;
        }

        if (!text.IsEmpty && IsArabicDigit(text[0]))
        {
            var read = ArabicNumber.Read(text, 0);
            if (read is { } number && number.End == text.Length)
            {
                value = number.Value;
                return true;
            }

            value = 0;
            return false;
        }

        return ChineseNumerals.TryParse(text, out value);
    }

    // Spaced numerals occur in mastheads (第 九 期): spaces inside are ignored.
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IndexOfAny(' ', '\u3000') < 0)
        {
            return text;
        }

        var buffer = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (c is not (' ' or '\u3000'))
            {
                buffer.Add(c);
            }
        }

        return buffer.ToArray();
    }
}
