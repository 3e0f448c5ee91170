namespace Extraction.Model;

/// <summary>
/// How many columns text takes on a fixed-width screen or printout: East Asian wide and
/// full-width characters take two, everything else one — what columns aligned with spaces are
/// aligned in, and what a terminal table is padded by.
/// </summary>
public static class DisplayWidth
{
    public static int Of(char c) => c switch
    {
        '\t' => 4,
        >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' => 2,
        _ => 1,
    };

    public static int Of(ReadOnlySpan<char> text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += Of(c);
        }

        return width;
    }
}
