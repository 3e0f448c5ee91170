using System.Globalization;

namespace Extraction.Pipeline.FigureCases;

/// <summary>
/// A table of figure cases, tab-separated with a header row. Columns: <c>input</c>, <c>raw</c>,
/// <c>value</c> (required); <c>value_max</c>, <c>unit</c>, <c>kind</c>, <c>qualifier</c>,
/// <c>change</c>, <c>case</c>, <c>source</c>, <c>note</c> (optional). Lines starting with # are
/// comments.
/// <para>
/// With a <c>case</c> column, the rows of one case id list every figure its input holds, in
/// order, and a row with an empty <c>raw</c> says the input holds none: extra figures fail the
/// case. Without it, each row only asks that the input hold a figure with that raw.
/// </para>
/// </summary>
public sealed record FigureCaseTable(string Path, bool Exact, IReadOnlyList<FigureCase> Cases)
{
    public static FigureCaseTable Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.FirstOrDefault(l => !l.StartsWith('#') && l.Length > 0)?.Split('\t')
            ?? throw new FormatException($"{path}: no header row");
        var column = header.Select((name, i) => (name, i)).ToDictionary(x => x.name.Trim(), x => x.i);
        foreach (var required in new[] { "input", "raw", "value" })
        {
            if (!column.ContainsKey(required))
            {
                throw new FormatException($"{path}: the header has no '{required}' column");
            }
        }

        var exact = column.ContainsKey("case");
        var rows = new List<(int Line, string[] Cells)>();
        for (var n = Array.IndexOf(lines, string.Join('\t', header)) + 1; n < lines.Length; n++)
        {
            if (lines[n].Length > 0 && !lines[n].StartsWith('#'))
            {
                rows.Add((n + 1, lines[n].Split('\t')));
            }
        }

        string? Cell(string[] cells, string name) =>
            column.TryGetValue(name, out var i) && i < cells.Length && cells[i].Length > 0 ? cells[i] : null;

        var cases = new List<FigureCase>();
        foreach (var group in rows.GroupBy(r => exact ? Cell(r.Cells, "case") ?? $"line {r.Line}" : $"line {r.Line}"))
        {
            var first = group.First();
            var expected = group
                .Where(r => Cell(r.Cells, "raw") is not null)
                .Select(r => new ExpectedFigure(
                    Cell(r.Cells, "raw")!,
                    ParseNumber(path, r.Line, Cell(r.Cells, "value")) ?? throw new FormatException($"{path}:{r.Line}: no value"),
                    ParseNumber(path, r.Line, Cell(r.Cells, "value_max")),
                    column.ContainsKey("unit") ? Cell(r.Cells, "unit") ?? "" : null,
                    Cell(r.Cells, "kind"),
                    column.ContainsKey("qualifier") ? Cell(r.Cells, "qualifier") ?? "" : null,
                    column.ContainsKey("change") ? Cell(r.Cells, "change") ?? "" : null))
                .ToList();
            cases.Add(new FigureCase(
                group.Key,
                first.Line,
                Cell(first.Cells, "input") ?? throw new FormatException($"{path}:{first.Line}: no input"),
                Cell(first.Cells, "source"),
                Cell(first.Cells, "note"),
                expected));
        }

        return new FigureCaseTable(path, exact, cases);
    }

    private static decimal? ParseNumber(string path, int line, string? text) =>
        text is null ? null
        : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"{path}:{line}: '{text}' is not a number");
}

/// <summary>One input and the figures expected in it.</summary>
public sealed record FigureCase(string Id, int Line, string Input, string? Source, string? Note, IReadOnlyList<ExpectedFigure> Expected);

/// <summary>
/// A figure a case expects. Null fields are not checked; an empty unit, qualifier or change
/// means the figure has none.
/// </summary>
public sealed record ExpectedFigure(string Raw, decimal Value, decimal? ValueMax, string? Unit, string? Kind, string? Qualifier, string? Change);
