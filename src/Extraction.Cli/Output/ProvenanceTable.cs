using Extraction.Model;

namespace Extraction.Cli.Output;

/// <summary>Provenance as a person reads it: each field, its value, the rule, and where in the document it came from.</summary>
internal static class ProvenanceTable
{
    private const int ValueWidth = 24;

    public static void Write(TextWriter w, IReadOnlyList<FieldProvenance> provenance)
    {
        var fieldWidth = provenance.Count == 0 ? 5 : provenance.Max(p => p.Field.Length);
        var ruleWidth = provenance.Count == 0 ? 4 : provenance.Max(p => p.Rule.Length);
        foreach (var p in provenance)
        {
            var value = CellText.Truncate(p.Value.ReplaceLineEndings(" "), ValueWidth);
            var where = p.Sources.Count == 0 ? "" : string.Join("; ", p.Sources.Select(Where));
            w.WriteLine($"{p.Field.PadRight(fieldWidth)}  {p.Rule.PadRight(ruleWidth)}  {value}{new string(' ', Math.Max(1, ValueWidth + 1 - CellText.DisplayWidth(value)))} {where}");
        }
    }

    private static string Where(SourceRange r) =>
        $"¶{r.Paragraph}{(r.Page is { } page ? $" p.{page}" : "")} [{r.Start}..{r.Start + r.Length}) «{CellText.Truncate(r.Text, 30)}»";
}
