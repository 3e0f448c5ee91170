using System.Text.RegularExpressions;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>Gives a paragraph its role: the first paragraph rule, in rule-file order, that matches it.</summary>
public sealed class ParagraphClassifier(RuleSet rules)
{
    /// <param name="offset">Where <paramref name="paragraph"/> starts in the document's paragraph (it may be the rest of one).</param>
    public Classification? Classify(string paragraph, bool inHead, int index = 0, int offset = 0)
    {
        var folded = rules.Folding.Fold(paragraph);
        foreach (var rule in rules.Paragraphs)
        {
            if (rule.Rule.Scope == RuleScope.Head && !inHead || rule.Rule.Scope == RuleScope.Body && inHead)
            {
                continue;
            }

            var match = rule.Rule.Pattern.Match(folded);
            if (match.Success)
            {
                return new Classification(rule, match, paragraph, index, offset);
            }
        }

        return null;
    }

    /// <summary>The furniture rule a line matches (a page number, a web page's record or tool bar), or null.</summary>
    public FurnitureRule? Furniture(string paragraph)
    {
        var folded = rules.Folding.Fold(paragraph);
        return rules.Furniture.FirstOrDefault(r => r.Matches(folded));
    }

    /// <summary>A group of a rule's match in a paragraph, as printed, with its place.</summary>
    public Located? Group(PatternRule rule, string paragraph, int index, string group)
    {
        var match = rule.Pattern.Match(rules.Folding.Fold(paragraph));
        return match.Success ? new Classification(new ParagraphRule(rule, ParagraphRole.Masthead), match, paragraph, index).Located(group) : null;
    }
}

/// <summary>
/// The rule a paragraph matched. The match ran on the folded paragraph; groups are read
/// from the paragraph as printed, at the same offsets.
/// </summary>
public sealed record Classification(ParagraphRule Rule, Match Match, string Paragraph, int Index, int Offset = 0)
{
    public ParagraphRole Role => Rule.Role;

    public string? Group(string name) => Located(name)?.Value;

    /// <summary>A group's value, trimmed, with the rule and its place in the paragraph.</summary>
    public Located? Located(string name)
    {
        var group = Match.Groups[name];
        if (!group.Success)
        {
            return null;
        }

        var raw = Paragraph.Substring(group.Index, group.Length);
        var lead = raw.Length - raw.TrimStart().Length;
        var value = raw.Trim();
        return new Located(value, Rule.Id, new SourceSpan(Index, Offset + group.Index + lead, value.Length));
    }
}
