using System.Globalization;

namespace Extraction.Cli.Output;

/// <summary>How a database value is written as text: invariant numbers, empty for NULL.</summary>
internal static class CellText
{
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Columns a terminal gives the text: East Asian wide and full-width characters take two.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    /// <summary>Cuts text to at most <paramref name="max"/> columns, marking the cut with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        if (DisplayWidth(text) <= max)
        {
            return text;
        }

        var width = 0;
        var end = 0;
        while (end < text.Length && width + (IsWide(text[end]) ? 2 : 1) <= max - 1)
        {
            width += IsWide(text[end]) ? 2 : 1;
            end++;
        }

        return text[..end] + "…";
    }

    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F'
            or >= '\u2E80' and <= '\uA4CF'
            or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF00' and <= '\uFF60'
            or >= '\uFFE0' and <= '\uFFE6';
}
