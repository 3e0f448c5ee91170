namespace Extraction.Figures.Numbers;

/// <summary>A number written in Arabic digits (ASCII or full-width), with thousands separators and a decimal point.</summary>
public readonly record struct ArabicNumber(decimal Value, int Start, int End, bool IsInteger)
{
    private const int MaxDigits = 20;

    /// <summary>Reads the number that starts at <paramref name="start"/>, or null when there is none.</summary>
    public static ArabicNumber? Read(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        decimal value = 0;
        var digits = 0;
        while (i < text.Length && Numeral.IsArabicDigit(text[i]))
        {
            if (++digits > MaxDigits)
            {
                return null;
            }

            value = (value * 10) + Numeral.ArabicValue(text[i]);
            i++;

            // 1,234: a comma counts as a separator only before exactly three digits.
            if (i < text.Length && text[i] == ',' && ThreeDigitsAt(text, i + 1))
            {
                i++;
            }
        }

        if (digits == 0)
        {
            return null;
        }

        var isInteger = true;
        if (i + 1 < text.Length && text[i] is ('.' or '．') && Numeral.IsArabicDigit(text[i + 1]))
        {
            isInteger = false;
            i++;
            var scale = 0.1m;
            while (i < text.Length && Numeral.IsArabicDigit(text[i]) && scale > 0.0000000001m)
            {
                value += Numeral.ArabicValue(text[i]) * scale;
                scale /= 10;
                i++;
            }
        }

        return new ArabicNumber(value, start, i, isInteger);
    }

    private static bool ThreeDigitsAt(ReadOnlySpan<char> text, int at) =>
        at + 3 <= text.Length
        && Numeral.IsArabicDigit(text[at])
        && Numeral.IsArabicDigit(text[at + 1])
        && Numeral.IsArabicDigit(text[at + 2])
        && (at + 3 == text.Length || !Numeral.IsArabicDigit(text[at + 3]));
}
