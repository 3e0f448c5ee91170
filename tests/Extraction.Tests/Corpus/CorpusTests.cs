using Extraction.Model;
using Extraction.Pipeline;
using Extraction.Pipeline.Scoring;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Corpus;

/// <summary>
/// Every document in corpus/ with a golden file in corpus/expected/ parses to its golden
/// answer, field by field, in every format it is kept in (name.txt, name.docx, name.pdf,
/// name.html, name.gb18030.txt …: only the source differs). A failure lists every difference.
/// </summary>
public sealed class CorpusTests
{
    private static readonly BulletinParser Parser = new(TestPaths.RuleBook);

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var golden in Directory.EnumerateFiles(Path.Combine(TestPaths.Corpus, "expected"), "*.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(golden);
            foreach (var file in Directory.EnumerateFiles(TestPaths.Corpus, stem + ".*").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_matches_its_golden_file(string file)
    {
        var (gold, outcome) = ParseWithGold(file);

        var score = GoldenComparer.Compare(file, gold, outcome.Bulletin!);

        Assert.True(score.Differences.Count == 0, $"{file}: {score.Differences.Count} differences:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", score.Differences)}");
        Assert.Equal(gold.Warnings, outcome.Bulletin!.Warnings);
        Assert.Equal(file, outcome.Bulletin.Source.File);
        if (file == gold.Source.File)
        {
            Assert.Equal(gold.Source, outcome.Bulletin.Source);
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Output_is_valid_against_the_schema(string file)
    {
        var (_, outcome) = ParseWithGold(file);
        var errors = SchemaValidator.Errors(BulletinJson.Serialize(outcome.Bulletin!));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_seed_matches_on_every_field_kind()
    {
        var (gold, outcome) = ParseWithGold("sanmenxia-2020-11.txt");
        var score = GoldenComparer.Compare("sanmenxia-2020-11.txt", gold, outcome.Bulletin!);
        Assert.All(score.Fields, f => Assert.True(f.F1 == 1.0, $"{f.Kind}: F1 {f.F1:0.000}"));
        Assert.Equal(22, score["tasks"].TruePositives);
        Assert.Equal(10, score["categories"].TruePositives);
        Assert.Equal(3, score["problems"].TruePositives);
    }

    private static (BulletinDocument Gold, ParseOutcome Outcome) ParseWithGold(string file)
    {
        var goldPath = Path.Combine(TestPaths.Corpus, "expected", file[..file.IndexOf('.', StringComparison.Ordinal)] + ".json");
        var gold = BulletinJson.Deserialize(File.ReadAllText(goldPath));
        var outcome = Parser.ParseFile(TestPaths.CorpusFile(file));
        Assert.True(outcome.Succeeded, outcome.Error);
        return (gold, outcome);
    }
}
