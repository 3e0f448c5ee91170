namespace Extraction.Rules;

/// <summary>
/// A line that belongs to the page rather than the bulletin: a page number, a web page's
/// publication record, its share bar or footer. It is dropped before the rules read the text;
/// <see cref="Meaning"/> says what else it tells.
/// </summary>
/// <param name="MaxOther">For a rule of words: the line is furniture when, with every match removed, at most this many letters or digits remain …</param>
/// <param name="MinMatches">… and the words were found at least this often.</param>
public sealed record FurnitureRule(PatternRule Rule, FurnitureMeaning Meaning, int? MaxOther, int MinMatches = 1)
{
    public bool Matches(string folded)
    {
        if (MaxOther is not { } most)
        {
            return Rule.Pattern.IsMatch(folded);
        }

        var matches = Rule.Pattern.Matches(folded);
        if (matches.Count < Math.Max(1, MinMatches))
        {
            return false;
        }

        var other = folded.Count(char.IsLetterOrDigit) - matches.Sum(m => m.Value.Count(char.IsLetterOrDigit));
        return other <= most;
    }
}

public enum FurnitureMeaning
{
    /// <summary>Nothing but furniture.</summary>
    Drop,

    /// <summary>The page's publication record: group <c>date</c> is when it was published.</summary>
    PublishedDate,
}

/// <summary>How a CMS names the elements of a page (id and class names): the article's container, furniture, the headline.</summary>
/// <param name="LeadNames">A news page's lead (导语, summary) standing just before the article, outside it: read as its first paragraph.</param>
public sealed record PageRules(PatternRule ContentNames, PatternRule FurnitureNames, PatternRule TitleNames, PatternRule? LeadNames = null);
