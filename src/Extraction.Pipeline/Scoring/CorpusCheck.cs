using System.Diagnostics;
using Extraction.Model;

namespace Extraction.Pipeline.Scoring;

/// <summary>
/// Parses every document of a corpus that has a golden file (DIR/expected/NAME.json covers
/// DIR/NAME.*, in every format) and scores it field kind by field kind.
/// </summary>
public static class CorpusCheck
{
    public const string ExpectedFolder = "expected";

    public static CorpusReport Run(string directory, BulletinParser parser)
    {
        var expected = Path.Combine(directory, ExpectedFolder);
        if (!Directory.Exists(expected))
        {
            throw new DirectoryNotFoundException($"{directory}: no {ExpectedFolder}/ folder of golden files");
        }

        var documents = new List<DocumentResult>();
        foreach (var golden in Directory.EnumerateFiles(expected, "*.json").Order(StringComparer.Ordinal))
        {
            var gold = BulletinJson.Deserialize(File.ReadAllText(golden));
            foreach (var file in DocumentsOf(directory, Path.GetFileNameWithoutExtension(golden)))
            {
                var watch = Stopwatch.StartNew();
                var outcome = parser.ParseFile(file);
                watch.Stop();
                var actual = outcome.Bulletin ?? new BulletinDocument(gold.Source, BulletinInfo.Empty, [], [], [], [], [], []);
                var score = GoldenComparer.Compare(Path.GetFileName(file), gold, actual);
                var family = outcome.Provenance.FirstOrDefault(p => p.Field == "rules.family")?.Value ?? "";
                documents.Add(new DocumentResult(Path.GetFileName(file), family, score, watch.Elapsed, outcome.Succeeded ? null : outcome.Error));
            }
        }

        return new CorpusReport(documents);
    }

    /// <summary>The documents a golden file covers: NAME.txt, NAME.docx, NAME.gb18030.txt …</summary>
    public static IEnumerable<string> DocumentsOf(string directory, string stem) =>
        Directory.EnumerateFiles(directory, stem + ".*").Order(StringComparer.Ordinal);
}

public sealed record DocumentResult(string Document, string Family, DocumentScore Score, TimeSpan Elapsed, string? Error);

public sealed record CorpusReport(IReadOnlyList<DocumentResult> Documents)
{
    /// <summary>The scores of each field kind summed over every document.</summary>
    public IReadOnlyList<FieldScore> Totals =>
    [
        .. GoldenComparer.Kinds.Select(kind => Documents
            .Select(d => d.Score[kind])
            .Aggregate(new FieldScore(kind, 0, 0, 0), (a, b) => a + b)),
    ];
}
