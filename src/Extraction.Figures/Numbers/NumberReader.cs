namespace Extraction.Figures.Numbers;

/// <summary>A number as written: its value and where it sits in the text.</summary>
internal readonly record struct NumberToken(decimal Value, int Start, int End, bool IsChinese)
{
    public bool IsInteger => Value == decimal.Truncate(Value);
}

/// <summary>Reads the number that starts at a position: Arabic digits (also full-width) or Chinese numerals.</summary>
internal static class NumberReader
{
    /// <summary>True for a character that may open a Chinese numeral (二十, 十五, 零点九, 半个月).</summary>
    public static bool IsChineseStart(string text, int i)
    {
        var c = text[i];
        return ChineseNumerals.DigitValue(c) > 0
            || c is '十' or '拾'
            || (c is '零' or '〇' && i + 1 < text.Length && text[i + 1] is '点' or '點')
            || (c is '半' && i + 1 < text.Length && text[i + 1] is '个' or '個');
    }

    /// <param name="leadingMultiplier">Also read a numeral that opens with 百 or 千 (百分之百).</param>
    public static NumberToken? Read(string text, int at, bool leadingMultiplier = false)
    {
        if (at >= text.Length)
        {
            return null;
        }

        if (leadingMultiplier && text[at] is '百' or '千' or '佰' or '仟')
        {
            return ReadChineseRun(text, at);
        }

        if (Numeral.IsArabicDigit(text[at]))
        {
            return ArabicNumber.Read(text, at) is { } arabic ? new NumberToken(arabic.Value, at, arabic.End, IsChinese: false) : null;
        }

        if (!IsChineseStart(text, at))
        {
            return null;
        }

        // 半个月: half of one unit.
        if (text[at] is '半')
        {
            return new NumberToken(0.5m, at, at + 1, IsChinese: true);
        }

        return ReadChineseRun(text, at);
    }

    private static NumberToken? ReadChineseRun(string text, int at)
    {
        var end = at;
        while (end < text.Length
               && (ChineseNumerals.IsNumeralChar(text[end])
                   || (text[end] is '点' or '點' && end + 1 < text.Length && ChineseNumerals.IsDigit(text[end + 1]))))
        {
            end++;
        }

        return ChineseNumerals.TryParse(text.AsSpan(at, end - at), out var value)
            ? new NumberToken(value, at, end, IsChinese: true)
            : null;
    }

    /// <summary>The same numeral without its last character: 一百千瓦 is 一百 + 千瓦.</summary>
    public static NumberToken? Shorten(string text, NumberToken number) =>
        number.End - number.Start > 1 && ChineseNumerals.TryParse(text.AsSpan(number.Start, number.End - number.Start - 1), out var value)
            ? number with { Value = value, End = number.End - 1 }
            : null;
}
