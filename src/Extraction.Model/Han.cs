namespace Extraction.Model;

/// <summary>Chinese characters as the readers, rules and segmentation tell them: the CJK Unified Ideographs block.</summary>
public static class Han
{
    public static bool IsIdeograph(char c) => c is >= '\u4e00' and <= '\u9fff';
}
