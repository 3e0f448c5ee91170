using Dapper;
using Extraction.Rules;
using Extraction.Storage;

namespace Extraction.Tests.Rules;

/// <summary>columns.yaml: a Chinese header for every column a spreadsheet export writes.</summary>
public sealed class ColumnHeaderTests
{
    [Fact]
    public void Every_column_of_every_exported_view_has_a_header_and_the_headers_of_a_view_differ()
    {
        using var dir = new TempDirectory();
        using var c = Database.OpenForWriting(dir.File("empty.db"));
        var headers = TestPaths.RuleSet.Columns;
        foreach (var view in HistoryQueries.Views)
        {
            var columns = c.Query<string>($"SELECT name FROM pragma_table_info('{view}')").ToList();
            Assert.NotEmpty(columns);
            var missing = columns.Where(column => headers.Find(view, column) is null).ToList();
            Assert.True(missing.Count == 0, $"{view}: no header in columns.yaml for {string.Join(", ", missing)}");
            var shared = columns.GroupBy(column => headers.Find(view, column)!.Zh).Where(g => g.Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g)})").ToList();
            Assert.True(shared.Count == 0, $"{view}: columns share a header: {string.Join("; ", shared)}");
        }
    }

    [Fact]
    public void A_header_written_for_a_view_wins_there()
    {
        var headers = TestPaths.RuleSet.Columns;
        Assert.Equal("问题类型", headers.Find("audit", "kind")!.Zh);
        Assert.Equal("数字类型", headers.Find("figure_overview", "kind")!.Zh);
        Assert.Equal("通报日期", headers.Find("task_history", "bulletin_date")!.Zh);
        Assert.Equal(1, headers.Find("task_history", "completion")!.Decimals);
        Assert.Null(headers.Find("task_history", "bulletin_date")!.Decimals);
        Assert.Null(headers.Find("task_history", "no_such_column"));
    }

    [Fact]
    public void A_column_with_two_headers_is_refused_naming_it()
    {
        using var dir = RuleSetLoaderTests.CopyOfRules();
        var file = Path.Combine(dir.Path, "common", "columns.yaml");
        File.AppendAllText(file, "  - { column: number, zh: 编号 }\n");

        var error = Assert.Throws<RuleLoadException>(() => RuleBookLoader.Load(dir.Path));
        Assert.Contains("columns.yaml: column number has two headers", error.Message);
    }

    [Fact]
    public void Editing_a_header_keeps_the_rules_fingerprint_and_so_spares_a_new_ingest()
    {
        using var dir = RuleSetLoaderTests.CopyOfRules();
        var before = RuleBookLoader.Load(dir.Path);
        var file = Path.Combine(dir.Path, "common", "columns.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("zh: 通报日期", "zh: 发布日期", StringComparison.Ordinal));
        var edited = RuleBookLoader.Load(dir.Path);
        Assert.Equal("发布日期", edited.Common.Columns.Find("task_history", "bulletin_date")!.Zh);
        Assert.Equal(before.Fingerprint, edited.Fingerprint);

        var units = Path.Combine(dir.Path, "common", "units.yaml");
        File.AppendAllText(units, "\n");
        Assert.NotEqual(before.Fingerprint, RuleBookLoader.Load(dir.Path).Fingerprint);
    }
}
