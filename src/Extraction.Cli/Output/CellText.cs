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
    public static int DisplayWidth(string text) => Model.DisplayWidth.Of(text);

    /// <summary>Cuts text to at most <paramref name="max"/> columns, marking the cut with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        if (DisplayWidth(text) <= max)
        {
            return text;
        }

        var width = 0;
        var end = 0;
        while (end < text.Length && width + Model.DisplayWidth.Of(text[end]) <= max - 1)
        {
            width += Model.DisplayWidth.Of(text[end]);
            end++;
        }

        return text[..end] + "…";
    }
}
