using SkiaSharp;

namespace Extraction.Cli.Output;

/// <summary>
/// A font installed on this machine that draws simplified Chinese, found by name: without one,
/// a chart's Chinese labels come out as empty boxes.
/// </summary>
internal static class ChineseFont
{
    /// <summary>
    /// In the order tried: Noto Sans CJK and Source Han Sans (one design; Linux's fonts-noto-cjk),
    /// WenQuanYi (older Linux), Microsoft YaHei and SimHei (Windows), PingFang and Hiragino (macOS).
    /// </summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
        "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK TC", "Noto Sans CJK JP",
    ];

    /// <summary>Characters every label of the chart needs.</summary>
    private const string Probe = "完成率序时进度日期超出坐标轴";

    private static readonly Lazy<string?> Installed = new(() => Candidates.FirstOrDefault(Draws));

    /// <summary>The first candidate installed here, or null.</summary>
    public static string? Find() => Installed.Value;

    /// <summary>
    /// Whether the font is installed under this name and has the glyphs: a font manager asked
    /// for a family it lacks answers with another family, or with none.
    /// </summary>
    private static bool Draws(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        return typeface is not null && typeface.FamilyName.Equals(family, StringComparison.OrdinalIgnoreCase) && typeface.ContainsGlyphs(Probe);
    }
}
