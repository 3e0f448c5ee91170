namespace Extraction.Tests.Rules;

/// <summary>The spellings a search tries: a user types simplified, half-width text; a bulletin may print either form.</summary>
public sealed class TextFoldingTests
{
    [Fact]
    public void A_simplified_query_is_also_tried_in_traditional_characters()
    {
        var spellings = TestPaths.RuleSet.Folding.Spellings("城镇就业");
        Assert.Equal("城镇就业", spellings[0]);
        Assert.Contains("城鎮就業", spellings);
    }

    [Fact]
    public void A_traditional_query_is_folded_and_digits_are_tried_full_width()
    {
        var spellings = TestPaths.RuleSet.Folding.Spellings("就業2025");
        Assert.Contains("就业2025", spellings);
        Assert.Contains("就业２０２５", spellings);
        Assert.Equal(spellings.Count, spellings.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Text_without_variants_has_one_spelling()
    {
        Assert.Equal(["市民"], TestPaths.RuleSet.Folding.Spellings("市民"));
    }
}
