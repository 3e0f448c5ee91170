namespace Extraction.Figures.Numbers;

/// <summary>
/// Reads numbers written in Chinese numerals: 二十二 → 22, 三百五十万 → 3500000,
/// 一千零五 → 1005, 三点五 → 3.5, and digit-by-digit forms such as 二〇二〇 → 2020.
/// </summary>
public static class ChineseNumerals
{
    public static bool IsDigit(char c) => DigitValue(c) >= 0;

    public static bool IsMultiplier(char c) => Multiplier(c) > 0;

    /// <summary>A character that may appear inside a Chinese numeral (digits, 十百千万亿, 点).</summary>
    public static bool IsNumeralChar(char c) => IsDigit(c) || IsMultiplier(c);

    /// <summary>The value of one digit character, or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        '〇' or '零' or 'Ｏ' => 0,
        '一' or '壹' or '幺' => 1,
        '二' or '两' or '兩' or '贰' or '貳' => 2,
        '三' or '叁' or '參' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>The multiplier of 十 百 千 万 亿 (and their formal and traditional forms), or 0.</summary>
    public static decimal Multiplier(char c) => c switch
    {
        '十' or '拾' => 10m,
        '百' or '佰' => 100m,
        '千' or '仟' => 1000m,
        '万' or '萬' => 10_000m,
        '亿' or '億' => 100_000_000m,
        _ => 0m,
    };

    /// <summary>Parses a whole string of Chinese numerals; false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var point = text.IndexOfAny('点', '點');
        if (point >= 0)
        {
            if (!TryParseInteger(text[..point], out var whole) || !TryParseDigits(text[(point + 1)..], out var fraction, out var places))
            {
                return false;
            }

            value = whole + (fraction / Pow10(places));
            return true;
        }

        return TryParseInteger(text, out value);
    }

    private static bool TryParseInteger(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        // Digit-by-digit (二〇二〇): no multiplier anywhere and more than one digit.
        var hasMultiplier = false;
        foreach (var c in text)
        {
            hasMultiplier |= IsMultiplier(c);
        }

        if (!hasMultiplier && text.Length > 1)
        {
            return TryParseDigits(text, out value, out _);
        }

        decimal hundredMillions = 0, tenThousands = 0, low = 0, digit = 0;
        var sawDigit = false;
        foreach (var c in text)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                // 零 only holds a place: 一万零十二 = 10012, its 十 still counts one ten.
                digit = d;
                sawDigit = d > 0;
                continue;
            }

            var m = Multiplier(c);
            switch (m)
            {
                case 0m:
                    return false;
                case 10_000m:
                    tenThousands = (tenThousands * 10_000m) + low + digit;
                    low = digit = 0;
                    break;
                case 100_000_000m:
                    hundredMillions = (hundredMillions + (tenThousands * 10_000m) + low + digit) * 100_000_000m;
                    tenThousands = low = digit = 0;
                    break;
                default:
                    // 十五 = 15: a leading 十 counts one ten.
                    low += (digit == 0 && !sawDigit ? 1 : digit) * m;
                    digit = 0;
                    break;
            }

            sawDigit = false;
        }

        value = hundredMillions + (tenThousands * 10_000m) + low + digit;
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> text, out decimal value, out int places)
    {
        value = 0;
        places = 0;
        foreach (var c in text)
        {
            var d = DigitValue(c);
            if (d < 0 || places >= 20)
            {
                return false;
            }

            value = (value * 10) + d;
            places++;
        }

        return places > 0;
    }

    private static decimal Pow10(int places)
    {
        var result = 1m;
        for (var i = 0; i < places; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
