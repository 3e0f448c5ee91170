using System.Globalization;
using System.Text;

namespace Extraction.Readers.Docx;

/// <summary>
/// Writes a list counter in a w:numFmt, the way Word displays it. The Chinese formats follow Word rather
/// than everyday usage: chineseCounting groups with 十 only up to 99 and then writes digit by digit
/// (100 → 一〇〇); chineseCountingThousand spells 百/千/万 and writes an inner zero as 〇 (101 → 一百〇一).
/// Unknown formats fall back to decimal.
/// </summary>
internal static class NumberFormatter
{
    private const string Digits = "〇一二三四五六七八九";
    private const string LegalSimplified = "零壹贰叁肆伍陆柒捌玖";
    private const string LegalTraditional = "零壹貳參肆伍陸柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";
    private const string EarthlyBranches = "子丑寅卯辰巳午未申酉戌亥";
    private const int MaxLetterRepeat = 64;

    public static string Format(int n, string format, string? customFormat = null) => format switch
    {
        "none" => string.Empty,
        "decimalZero" => n is >= 0 and < 10 ? "0" + Decimal(n) : Decimal(n),
        "decimalFullWidth" or "decimalFullWidth2" => FullWidth(n),
        "upperLetter" => Letters(n, 'A'),
        "lowerLetter" => Letters(n, 'a'),
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "chineseCounting" or "taiwaneseCounting" => n is >= 1 and < 100 ? Grouped(n, Digits, "十百千", '万', '〇', keepLeadingOne: false) : DigitByDigit(n),
        "chineseCountingThousand" or "japaneseCounting" => Grouped(n, Digits, "十百千", '万', '〇', keepLeadingOne: false),
        "taiwaneseCountingThousand" => Grouped(n, Digits, "十百千", '萬', '〇', keepLeadingOne: false),
        "chineseLegalSimplified" => Grouped(n, LegalSimplified, "拾佰仟", '万', '零', keepLeadingOne: true),
        "ideographLegalTraditional" => Grouped(n, LegalTraditional, "拾佰仟", '萬', '零', keepLeadingOne: true),
        "ideographDigital" or "taiwaneseDigital" or "japaneseDigitalTenThousand" => DigitByDigit(n),
        "ideographTraditional" => FromSet(n, HeavenlyStems),
        "ideographZodiac" => FromSet(n, EarthlyBranches),
        "ideographEnclosedCircle" => n is >= 1 and <= 10 ? ((char)(0x3220 + n - 1)).ToString() : Decimal(n),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => n is >= 1 and <= 20 ? ((char)(0x2460 + n - 1)).ToString() : Decimal(n),
        "decimalEnclosedParen" => n is >= 1 and <= 20 ? ((char)(0x2474 + n - 1)).ToString() : Decimal(n),
        "decimalEnclosedFullstop" => n is >= 1 and <= 20 ? ((char)(0x2488 + n - 1)).ToString() : Decimal(n),
        "custom" => Custom(n, customFormat),
        _ => Decimal(n),
    };

    private static string Decimal(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string FullWidth(int n) => string.Concat(Decimal(n).Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c));

    /// <summary>Word repeats the letter past Z: AA, BB, … (not spreadsheet columns).</summary>
    private static string Letters(int n, char first) =>
        n < 1 ? Decimal(n) : new string((char)(first + ((n - 1) % 26)), Math.Min(((n - 1) / 26) + 1, MaxLetterRepeat));

    private static string Roman(int n)
    {
        if (n is < 1 or > 3999)
        {
            return Decimal(n);
        }

        (int Value, string Text)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        foreach (var (value, numeral) in numerals)
        {
            for (; n >= value; n -= value)
            {
                text.Append(numeral);
            }
        }

        return text.ToString();
    }

    private static string DigitByDigit(int n) =>
        n < 0 ? Decimal(n) : string.Concat(Decimal(n).Select(c => Digits[c - '0']));

    private static string FromSet(int n, string set) => n >= 1 && n <= set.Length ? set[n - 1].ToString() : Decimal(n);

    /// <summary>
    /// Grouped numerals below 10^8: units 十百千 inside each group of four digits, 万 between groups, one
    /// zero character for any run of inner zeros. Everyday style drops the "一" of a leading 一十 (十一).
    /// </summary>
    private static string Grouped(int n, string digits, string units, char tenThousand, char zero, bool keepLeadingOne)
    {
        if (n is < 0 or >= 100_000_000)
        {
            return Decimal(n);
        }

        if (n == 0)
        {
            return digits[0].ToString();
        }

        var text = new StringBuilder();
        var high = n / 10_000;
        var low = n % 10_000;
        if (high > 0)
        {
            text.Append(Group(high, digits, units, zero, keepLeadingOne)).Append(tenThousand);
            if (low is > 0 and < 1000)
            {
                text.Append(zero);
            }
        }

        if (low > 0)
        {
            text.Append(Group(low, digits, units, zero, keepLeadingOne: keepLeadingOne || high > 0));
        }

        return text.ToString();
    }

    private static string Group(int n, string digits, string units, char zero, bool keepLeadingOne)
    {
        var text = new StringBuilder();
        var pendingZero = false;
        for (int place = 3, divisor = 1000; place >= 0; place--, divisor /= 10)
        {
            var digit = n / divisor % 10;
            if (digit == 0)
            {
                pendingZero |= text.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                text.Append(zero);
                pendingZero = false;
            }

            var leadingTen = place == 1 && digit == 1 && text.Length == 0 && !keepLeadingOne;
            if (!leadingTen)
            {
                text.Append(digits[digit]);
            }

            if (place > 0)
            {
                text.Append(units[place - 1]);
            }
        }

        return text.ToString();
    }

    /// <summary>numFmt "custom" with a w:format like "001, 002, 003, ...": zero-padded decimal; anything else decimal.</summary>
    private static string Custom(int n, string? format)
    {
        var first = format?.Split(',')[0].Trim() ?? string.Empty;
        return first.Length is > 0 and <= 10 && first.All(char.IsAsciiDigit) && n >= 0
            ? Decimal(n).PadLeft(first.Length, '0')
            : Decimal(n);
    }
}
