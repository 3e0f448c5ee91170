using System.Text.RegularExpressions;

namespace Extraction.Rules;

/// <summary>
/// A rule that recognises a piece of text by a regular expression. The named groups of the
/// pattern carry the values it extracts (<c>number</c>, <c>text</c>, <c>departments</c>…).
/// </summary>
public sealed record PatternRule(
    string Id,
    string Role,
    TieredPattern Matcher,
    RuleScope Scope,
    IReadOnlyList<RuleExample> Examples,
    IReadOnlyList<string> CounterExamples,
    string SourceFile)
{
    /// <summary>The pattern to match with: compiled once it has been tried often (<see cref="TieredPattern"/>).</summary>
    public Regex Pattern => Matcher.Regex;

    public override string ToString() => $"{Id} ({Role})";
}

/// <summary>Where in a document a paragraph rule may fire.</summary>
public enum RuleScope
{
    /// <summary>Anywhere.</summary>
    Any,

    /// <summary>Only in the head of the document: the masthead, before the first heading or task.</summary>
    Head,

    /// <summary>Only after the head.</summary>
    Body,
}

/// <summary>A text a rule must match, with the values its named groups must capture.</summary>
public sealed record RuleExample(string Text, IReadOnlyDictionary<string, string> Expect);
