namespace Extraction.Rules;

/// <summary>
/// One repair of what OCR damages (rules/common/ocr.yaml): every match of the rule's pattern is
/// replaced with <see cref="Replacement"/>. Examples show a damaged text and its repair
/// (<c>expect: { result: … }</c>); counter-examples, texts the pattern must leave alone.
/// A label repair (<see cref="Labels"/>) replaces a misread label instead; its pattern is the
/// mark that must follow the label.
/// </summary>
public sealed record OcrRepair(PatternRule Rule, string Replacement, OcrLabelRepair? Labels = null)
{
    public string Apply(string text) => Labels is { } labels ? labels.Apply(text) : Rule.Pattern.Replace(text, Replacement);

    /// <summary>Whether the repair finds something to mend in the text (examples must, counter-examples must not).</summary>
    public bool Matches(string text) => Labels is { } labels ? labels.Repaired(text) is not null : Rule.Pattern.IsMatch(text);
}

/// <summary>The OCR repairs in file order, applied to recognised text only, never to a text layer.</summary>
public sealed record OcrRepairs(IReadOnlyList<OcrRepair> Repairs)
{
    public string Apply(string text)
    {
        foreach (var repair in Repairs)
        {
            text = repair.Apply(text);
        }

        return text;
    }
}
