using System.Text.RegularExpressions;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>Gives a paragraph its role: the first paragraph rule, in rule-file order, that matches it.</summary>
public sealed class ParagraphClassifier(RuleSet rules)
{
    public Classification? Classify(string paragraph, bool inHead)
    {
        foreach (var rule in rules.Paragraphs)
        {
            if (rule.Scope == RuleScope.Head && !inHead || rule.Scope == RuleScope.Body && inHead)
            {
                continue;
            }

            var match = rule.Pattern.Match(paragraph);
            if (match.Success)
            {
                return new Classification(rule, match);
            }
        }

        return null;
    }

    public bool IsFurniture(string paragraph) => rules.Furniture.Any(r => r.Pattern.IsMatch(paragraph));
}

/// <summary>The rule a paragraph matched and what its named groups captured.</summary>
public sealed record Classification(PatternRule Rule, Match Match)
{
    public string Role => Rule.Role;

    public string? Group(string name)
    {
        var group = Match.Groups[name];
        return group.Success ? group.Value.Trim() : null;
    }
}
