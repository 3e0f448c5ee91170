using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extraction.Pipeline.Scoring;

/// <summary>
/// The committed floor of extraction quality (corpus/baseline.json): an F1 per field kind for
/// the whole corpus and for each document. A check fails when anything falls below it; it is
/// only ever raised.
/// </summary>
public sealed class Baseline
{
    private const double Tolerance = 1e-9;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [JsonPropertyName("corpus")]
    public SortedDictionary<string, double> Corpus { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("documents")]
    public SortedDictionary<string, SortedDictionary<string, double>> Documents { get; init; } = new(StringComparer.Ordinal);

    public static Baseline Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Json) ?? new Baseline() : new Baseline();

    public static Baseline Of(CorpusReport report)
    {
        var baseline = new Baseline();
        foreach (var total in report.Totals)
        {
            baseline.Corpus[total.Kind] = Round(total.F1);
        }

        foreach (var document in report.Documents)
        {
            var scores = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var field in document.Score.Fields.Where(f => f.Support + f.FalsePositives > 0))
            {
                scores[field.Kind] = Round(field.F1);
            }

            baseline.Documents[document.Document] = scores;
        }

        return baseline;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Every score of <paramref name="current"/> that is below this baseline, as "where: kind F1 now, was".</summary>
    public IReadOnlyList<string> Regressions(Baseline current)
    {
        var found = new List<string>();
        foreach (var (kind, floor) in Corpus)
        {
            var now = current.Corpus.GetValueOrDefault(kind, 0);
            if (now < floor - Tolerance)
            {
                found.Add($"corpus: {kind} F1 {now:0.000} < baseline {floor:0.000}");
            }
        }

        foreach (var (document, kinds) in Documents)
        {
            if (!current.Documents.TryGetValue(document, out var scores))
            {
                found.Add($"{document}: missing from the corpus (baseline has it)");
                continue;
            }

            foreach (var (kind, floor) in kinds)
            {
                var now = scores.GetValueOrDefault(kind, 0);
                if (now < floor - Tolerance)
                {
                    found.Add($"{document}: {kind} F1 {now:0.000} < baseline {floor:0.000}");
                }
            }
        }

        return found;
    }

    /// <summary>The higher of this baseline and <paramref name="current"/>, entry by entry: a ratchet.</summary>
    public Baseline Raise(Baseline current)
    {
        var raised = new Baseline();
        foreach (var kind in Corpus.Keys.Union(current.Corpus.Keys))
        {
            raised.Corpus[kind] = Math.Max(Corpus.GetValueOrDefault(kind, 0), current.Corpus.GetValueOrDefault(kind, 0));
        }

        foreach (var document in Documents.Keys.Union(current.Documents.Keys))
        {
            var old = Documents.GetValueOrDefault(document) ?? [];
            var now = current.Documents.GetValueOrDefault(document) ?? [];
            raised.Documents[document] = new SortedDictionary<string, double>(
                old.Keys.Union(now.Keys).ToDictionary(k => k, k => Math.Max(old.GetValueOrDefault(k, 0), now.GetValueOrDefault(k, 0))),
                StringComparer.Ordinal);
        }

        return raised;
    }

    private static double Round(double value) => Math.Round(value, 6);
}
