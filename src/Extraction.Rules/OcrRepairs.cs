namespace Extraction.Rules;

/// <summary>
/// One repair of what OCR damages (rules/common/ocr.yaml): every match of the rule's pattern is
/// replaced with <see cref="Replacement"/>. Examples show a damaged text and its repair
/// (<c>expect: { result: … }</c>); counter-examples, texts the pattern must leave alone.
/// </summary>
public sealed record OcrRepair(PatternRule Rule, string Replacement)
{
    public string Apply(string text) => Rule.Pattern.Replace(text, Replacement);
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
