using System.Text.RegularExpressions;
using Dapper;
using Extraction.Pipeline;
using Extraction.Storage;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Segmentation;

/// <summary>Every extracted value can be traced to its rule and to the exact source text it came from.</summary>
public sealed partial class ProvenanceTests
{
    private static readonly BulletinParser Parser = new(TestPaths.RuleBook);

    public static TheoryData<string> Documents() =>
    [
        .. Directory.EnumerateFiles(TestPaths.Corpus, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).OfType<string>(),
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Text_values_are_exactly_their_source_text(string file)
    {
        var outcome = Parser.ParseFile(TestPaths.CorpusFile(file));
        Assert.True(outcome.Succeeded, outcome.Error);

        var checkedFields = 0;

        // A row numbered by its position has no printed number; cells of a table joined into one
        // field (a task's text and its continuation row) are joined by one space of no source.
        foreach (var p in outcome.Provenance.Where(p => Verbatim().IsMatch(p.Field) && !p.Rule.StartsWith("table.position", StringComparison.Ordinal)))
        {
            var sources = string.Concat(p.Sources.Select(s => s.Text));
            var value = p.Rule.StartsWith("table.", StringComparison.Ordinal) ? p.Value.Replace(" ", "", StringComparison.Ordinal) : p.Value;
            Assert.True(sources == value, $"{p.Field} ({p.Rule}): value «{p.Value}», sources «{string.Join("|", p.Sources.Select(s => s.Text))}»");
            checkedFields++;
        }

        Assert.True(checkedFields > 10);
    }

    [Fact]
    public void Every_task_field_has_a_rule_and_a_source()
    {
        var outcome = Parser.ParseFile(TestPaths.CorpusFile("sanmenxia-2020-11.txt"));
        var fields = outcome.Provenance.ToDictionary(p => p.Field);

        Assert.Equal("label.departments", fields["tasks[6].departments[1]"].Rule);
        Assert.Equal("市卫生健康委", fields["tasks[6].departments[1]"].Value);
        Assert.Equal("asof.month-end", fields["tasks[0].progress.as_of"].Rule);
        Assert.Equal("截止5月底", Assert.Single(fields["tasks[0].progress.as_of"].Sources).Text);
        Assert.Equal("masthead.issue", fields["bulletin.issue"].Rule);
        Assert.Equal("common", fields["rules.family"].Value);

        // A figure of a field joined across a page break points into the right paragraph.
        var across = fields["tasks[1].targets[2]"];
        Assert.Equal("60万平方米", across.Value);
        Assert.Equal(["60万平", "方米"], across.Sources.Select(s => s.Text));
    }

    [Fact]
    public void Parse_explain_prints_rules_and_sources_and_json_carries_them()
    {
        var (exit, output, _) = CliRunner.Run("parse", TestPaths.CorpusFile("tanxi-dist-2022-h1.txt"), "--explain", "--rules", TestPaths.Rules);
        Assert.Equal(0, exit);
        Assert.Matches(@"tasks\[0\]\.departments\[1\]\s+label\.partners\s+區住建局", output);

        var (_, json, _) = CliRunner.Run("parse", TestPaths.CorpusFile("songqiao-county-2020-09.txt"), "--json", "--explain", "--rules", TestPaths.Rules);
        Assert.Contains("\"provenance\"", json);
        Assert.Contains("\"rule\": \"table.row\"", json);
        Assert.Empty(SchemaValidator.Errors(json));
    }

    [Fact]
    public void Provenance_is_stored_with_the_bulletin()
    {
        using var dir = new TempDirectory();
        var db = dir.File("b.db");
        CliRunner.Run("ingest", TestPaths.CorpusFile("jianyang-county-2022-10.txt"), "--db", db, "--rules", TestPaths.Rules);

        using var connection = Database.OpenReadOnly(db);
        var row = connection.QuerySingle<(string Rule, string Text, long Paragraph)>(
            "SELECT rule, source_text, paragraph FROM provenance WHERE field = 'tasks[0].departments[0]'");
        Assert.Equal(("inline.label-in-brackets", "县教育局", 5L), row);
        Assert.Equal("common", connection.ExecuteScalar<string>("SELECT rule_family FROM bulletins"));
    }

    [Theory]
    [InlineData("sanmenxia-2020-11.txt")]
    [InlineData("songqiao-county-2020-09.docx")]
    [InlineData("luoxi-county-2024-05.html")]
    [InlineData("meiling-city-2023-09.txt")]
    public void The_stored_provenance_is_every_part_of_every_field_as_parsed(string file)
    {
        using var dir = new TempDirectory();
        var db = dir.File("b.db");
        var outcome = Parser.ParseFile(TestPaths.CorpusFile(file));
        CliRunner.Run("ingest", TestPaths.CorpusFile(file), "--db", db, "--rules", TestPaths.Rules);

        var expected = outcome.Provenance!.Where(f => f.Field != "rules.family").SelectMany(f =>
            (f.Sources.Count == 0 ? [null] : f.Sources.Cast<Extraction.Model.SourceRange?>()).Select((r, part) =>
                $"{outcome.Sha256}|{f.Field}|{f.Rule}|{(part == 0 ? f.Value : "")}|{part}|{r?.Paragraph}|{r?.Start}|{r?.Length}|{r?.Page}|{r?.Text}"));
        using var connection = Database.OpenReadOnly(db);
        var stored = connection.Query<(string, string, string, string, long, long?, long?, long?, long?, string?)>(
            "SELECT source, field, rule, value, part, paragraph, start, length, page, source_text FROM provenance ORDER BY seq")
            .Select(r => $"{r.Item1}|{r.Item2}|{r.Item3}|{r.Item4}|{r.Item5}|{r.Item6}|{r.Item7}|{r.Item8}|{r.Item9}|{r.Item10}");
        Assert.Equal(expected, stored);
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM provenance_spans WHERE value IS NULL") > 0, "values equal to their source text are not stored twice");
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM provenance_spans WHERE within IS NOT NULL AND source_text IS NULL") > 0, "a source text inside another is cut out of it");
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM provenance_spans WHERE within IS NULL AND paragraph IS NOT NULL AND source_text IS NULL") > 0, "a source text that is a task's, progress report's or statement's whole text is read from its column");
    }

    [GeneratedRegex(@"^(tasks\[\d+\]\.(text|number|departments\[\d+\]|targets\[\d+\]|progress\.(text|figures\[\d+\]))|statements\[\d+\]\.(text|figures\[\d+\])|problems\[\d+\]|bulletin\.(series|issuer|title|declared_\w+))$")]
    private static partial Regex Verbatim();
}
