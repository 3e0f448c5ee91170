namespace Extraction.Rules;

/// <summary>
/// All the rule sets of a rules directory: the shared one, and one per family of bulletins.
/// A document is read with the family whose detection rules it matches best, else with the
/// shared rules.
/// </summary>
public sealed record RuleBook(string Directory, string Fingerprint, RuleSet Common, IReadOnlyList<RuleFamily> Families)
{
    public const string CommonName = "common";

    public IEnumerable<RuleSet> All => [Common, .. Families.Select(f => f.Rules)];

    /// <summary>The rule set of a family by name (or <c>common</c>); null when there is none.</summary>
    public RuleSet? Find(string name) =>
        name == CommonName ? Common : Families.FirstOrDefault(f => f.Name == name)?.Rules;

    /// <summary>
    /// The family a document belongs to: each family whose <c>detect</c> rules all find a
    /// paragraph and whose <c>unless</c> rules find none is a candidate; the one with the most
    /// detection rules wins (ties go to the name first in order).
    /// </summary>
    public RuleSet Choose(IReadOnlyList<string> paragraphs)
    {
        var folded = paragraphs.Select(Common.Folding.Fold).ToList();
        var best = Families
            .Where(f => f.Detect.All(d => folded.Any(d.Pattern.IsMatch)) && !f.Unless.Any(u => folded.Any(u.Pattern.IsMatch)))
            .OrderByDescending(f => f.Detect.Count)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best?.Rules ?? Common;
    }
}

/// <summary>
/// A family of bulletins: how it is recognised, and its rule set (shared rules plus its
/// overrides), built when first asked for: a run that parses one file needs one rule set, and
/// building each took a sixteenth of its start. A family's broken rule is reported then, by
/// the same exception (<c>extract rules</c> and <c>extract check</c> build them all).
/// </summary>
public sealed class RuleFamily(string name, string description, IReadOnlyList<PatternRule> detect, IReadOnlyList<PatternRule> unless, Func<RuleSet> build)
{
    private readonly Lazy<RuleSet> rules = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => name;

    public string Description => description;

    public IReadOnlyList<PatternRule> Detect => detect;

    public IReadOnlyList<PatternRule> Unless => unless;

    public RuleSet Rules => rules.Value;
}
