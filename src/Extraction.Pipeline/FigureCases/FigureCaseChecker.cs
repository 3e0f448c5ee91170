using System.Globalization;
using System.Text.Json;
using Extraction.Figures;
using Extraction.Model;

namespace Extraction.Pipeline.FigureCases;

/// <summary>Runs the figure extractor over a case table and says which cases it gets right and why the others fail.</summary>
public static class FigureCaseChecker
{
    public static FigureCaseReport Check(FigureCaseTable table, FigureExtractor extractor)
    {
        var results = table.Cases.Select(c => new FigureCaseResult(c, Failure(table.Exact, c, extractor.Extract(c.Input)))).ToList();
        return new FigureCaseReport(table, results);
    }

    private static string? Failure(bool exact, FigureCase @case, IReadOnlyList<Figure> found)
    {
        var remaining = found.ToList();
        var problems = new List<string>();
        foreach (var expected in @case.Expected)
        {
            var match = remaining.FirstOrDefault(f => f.Raw == expected.Raw);
            if (match is null)
            {
                problems.Add($"missed {expected.Raw}");
                continue;
            }

            remaining.Remove(match);
            if (Mismatch(expected, match) is { } mismatch)
            {
                problems.Add(mismatch);
            }
        }

        if (exact)
        {
            problems.AddRange(remaining.Select(f => $"extra {f.Raw}"));
            if (problems.Count == 0 && !found.Select(f => f.Raw).SequenceEqual(@case.Expected.Select(e => e.Raw)))
            {
                problems.Add("figures out of order");
            }
        }

        return problems.Count == 0 ? null : $"{string.Join("; ", problems)} (found: {Describe(found)})";
    }

    private static string? Mismatch(ExpectedFigure e, Figure f)
    {
        var checks = new (string Field, string? Expected, string Actual)[]
        {
            ("value", Number(e.Value), Number(Exact(f.Value))),
            ("value_max", e.ValueMax is { } max ? Number(max) : "", f.ValueMax is { } m ? Number(Exact(m)) : ""),
            ("unit", e.Unit, f.Unit),
            ("kind", e.Kind, Snake(f.Kind)),
            ("qualifier", e.Qualifier, f.Qualifier is { } q ? Snake(q) : ""),
            ("change", e.Change, f.Change is { } c ? Snake(c) : ""),
        };
        var wrong = checks.Where(c => c.Expected is not null && c.Expected != c.Actual).Select(c => $"{c.Field} {Show(c.Actual)} ≠ {Show(c.Expected!)}").ToList();
        return wrong.Count == 0 ? null : $"{f.Raw}: {string.Join(", ", wrong)}";
    }

    private static string Describe(IEnumerable<Figure> figures)
    {
        var parts = figures.Select(f => $"{f.Raw}={Number(Exact(f.Value))}{(f.ValueMax is { } m ? "–" + Number(Exact(m)) : "")}{(f.Unit.Length > 0 ? " " + f.Unit : "")}{(f.Qualifier is { } q ? " " + Snake(q) : "")}{(f.Change is { } c ? " " + Snake(c) : "")}").ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    // (decimal)double keeps only 15 digits; the round-trip string keeps all of them.
    private static decimal Exact(double value) => decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;

    private static string Snake<T>(T value) => JsonSerializer.Serialize(value, BulletinJson.Options).Trim('"');
}

public sealed record FigureCaseResult(FigureCase Case, string? Failure)
{
    public bool Passed => Failure is null;
}

public sealed record FigureCaseReport(FigureCaseTable Table, IReadOnlyList<FigureCaseResult> Results)
{
    public int Passed => Results.Count(r => r.Passed);

    public double Score => Results.Count == 0 ? 1 : (double)Passed / Results.Count;

    public IEnumerable<FigureCaseResult> Failures => Results.Where(r => !r.Passed);

    public string Summary => $"{Path.GetFileName(Table.Path)}: {Passed}/{Results.Count} cases right ({Score:P1})";
}
