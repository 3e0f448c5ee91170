using System.Globalization;
using Extraction.Model;

namespace Extraction.Cli.Output;

/// <summary>A bulletin as a person reads it: masthead, then each task with its departments, progress and figures.</summary>
internal static class BulletinSummary
{
    public static void Write(TextWriter w, BulletinDocument d)
    {
        var b = d.Bulletin;
        w.WriteLine($"{d.Source.File}  ({Lower(d.Source.Format)}{(d.Source.ConvertedFrom is { } from ? $" converted from {Lower(from)}" : "")}{(d.Source.Pages is { } p ? $", {p} pages" : "")}, sha256 {d.Source.Sha256[..12]}…)");
        w.WriteLine(string.Join("  ·  ", new[] { Join(b.Series, b.Issue is { } i ? $"第{i}期" : null), b.Issuer, b.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s))));
        if (b.Title is not null)
        {
            w.WriteLine($"{b.Title}  (programme year {b.Year?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})");
        }

        w.WriteLine($"categories {d.Categories.Count} (declared {Show(b.DeclaredCategories)}), tasks {d.Tasks.Count} (declared {Show(b.DeclaredTasks)}), problems {d.Problems.Count}");
        foreach (var group in d.Tasks.GroupBy(t => t.Category))
        {
            w.WriteLine();
            if (group.Key is { } ordinal && d.Categories.FirstOrDefault(c => c.Ordinal == ordinal) is { } category)
            {
                w.WriteLine($"（{ordinal}）{category.Title}");
            }

            foreach (var task in group)
            {
                WriteTask(w, task);
            }
        }

        if (d.Problems.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("problems:");
            foreach (var problem in d.Problems)
            {
                w.WriteLine($"  {problem.Ordinal}. {Shorten(problem.Text, 70)}");
            }
        }

        var tallies = d.Tallies ?? [];
        if (tallies.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"tallies: {string.Join("  ", tallies.Select(t => $"{Snake(t.Status)} {t.Count}"))}");
        }

        var statements = d.Statements ?? [];
        if (statements.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"statements ({statements.Count}, {statements.Sum(s => s.Figures.Count)} figures):");
            foreach (var statement in statements)
            {
                var asOf = statement.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
                w.WriteLine($"  {Lower(statement.Section),-7} {asOf,-10}  {Shorten(statement.Text, 50)}");
            }
        }

        w.WriteLine();
        w.WriteLine(d.Warnings.Count == 0 ? "warnings: none" : "warnings:");
        foreach (var warning in d.Warnings)
        {
            w.WriteLine($"  {warning}");
        }
    }

    private static void WriteTask(TextWriter w, BulletinTask task)
    {
        w.WriteLine($"  {task.Number}. {Shorten(task.Text, 60)}");
        if (task.Departments.Count > 0)
        {
            w.WriteLine($"     departments: {string.Join("、", task.Departments)}");
        }

        if (task.Targets.Count > 0)
        {
            w.WriteLine($"     targets: {Figures(task.Targets)}");
        }

        if (task.Progress is { } progress)
        {
            var asOf = progress.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "date not stated";
            w.WriteLine($"     progress ({asOf}): {(progress.Figures.Count > 0 ? Figures(progress.Figures) : Shorten(progress.Text, 50))}");
        }
        else
        {
            w.WriteLine("     progress: none reported");
        }
    }

    private static string Figures(IEnumerable<Figure> figures) => string.Join("  ", figures.Select(FigureText.Describe));

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a} {b}";

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Snake(TallyStatus status) => System.Text.Json.JsonSerializer.Serialize(status, BulletinJson.Options).Trim('"');
}
