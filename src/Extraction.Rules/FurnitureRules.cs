namespace Extraction.Rules;

/// <summary>
/// A line that belongs to the page rather than the bulletin: a page number, a web page's
/// publication record, its share bar or footer. It is dropped before the rules read the text;
/// <see cref="Meaning"/> says what else it tells.
/// </summary>
/// <param name="MaxOther">For a rule of words: the line is furniture when, with every match removed, at most this many letters or digits remain.</param>
public sealed record FurnitureRule(PatternRule Rule, FurnitureMeaning Meaning, int? MaxOther)
{
    public bool Matches(string folded)
    {
        if (MaxOther is not { } most)
        {
            return Rule.Pattern.IsMatch(folded);
        }

        var rest = Rule.Pattern.Replace(folded, "");
        return rest.Length < folded.Length && rest.Count(char.IsLetterOrDigit) <= most;
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
public sealed record PageRules(PatternRule ContentNames, PatternRule FurnitureNames, PatternRule TitleNames);
