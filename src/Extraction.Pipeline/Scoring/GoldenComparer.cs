using System.Globalization;
using Extraction.Model;

namespace Extraction.Pipeline.Scoring;

/// <summary>
/// Compares an extracted bulletin with its golden file by the scoring rules of the
/// bulletin/1 contract: bulletin fields exact; tasks matched by number, then their category,
/// text, departments (the exact list) and as-of date; figures matched per task and field as
/// multisets of raw, right when value, unit, qualifier and change all agree. Statements
/// (matched on section and text, then their as-of date), the figures of all statements as one
/// multiset, every figure of the document as one multiset, and tallies (status and count) are
/// scored only against a golden file that has them.
/// </summary>
public static class GoldenComparer
{
    public static readonly string[] Kinds =
        [
            "bulletin", "categories", "tasks", "task_text", "departments", "as_of", "progress_text", "figures_detected", "figure_values", "problems",
            "statements", "statement_as_of", "statement_figures", "figures_all", "tallies",
        ];

    public static DocumentScore Compare(string document, BulletinDocument expected, BulletinDocument actual)
    {
        var tally = Kinds.ToDictionary(k => k, k => new Counter());
        var diffs = new List<string>();

        CompareBulletin(expected.Bulletin, actual.Bulletin, tally["bulletin"], diffs);
        CompareItems("categories", expected.Categories.Select(c => $"{c.Ordinal} {c.Title}"), actual.Categories.Select(c => $"{c.Ordinal} {c.Title}"), tally["categories"], diffs);
        CompareItems("problems", expected.Problems.Select(p => $"{p.Ordinal} {p.Text}"), actual.Problems.Select(p => $"{p.Ordinal} {p.Text}"), tally["problems"], diffs);

        var actualTasks = actual.Tasks.GroupBy(t => t.Number).ToDictionary(g => g.Key, g => new Queue<BulletinTask>(g));
        foreach (var gold in expected.Tasks)
        {
            if (!actualTasks.TryGetValue(gold.Number, out var queue) || queue.Count == 0)
            {
                diffs.Add($"task {gold.Number}: missing");
                foreach (var (kind, count) in Unmatched(gold))
                {
                    tally[kind].Fn += count;
                }

                continue;
            }

            CompareTask(gold, queue.Dequeue(), tally, diffs);
        }

        foreach (var extra in actualTasks.Values.SelectMany(q => q))
        {
            diffs.Add($"task {extra.Number}: not in the golden file");
            foreach (var (kind, count) in Unmatched(extra))
            {
                tally[kind].Fp += count;
            }
        }

        if (expected.Statements is { } goldStatements)
        {
            CompareStatements(goldStatements, actual.Statements ?? [], tally, diffs);
            CompareFigureBag("statement figures", "statement_figures", goldStatements.SelectMany(s => s.Figures), (actual.Statements ?? []).SelectMany(s => s.Figures), tally, diffs);
            CompareFigureBag("figures (all)", "figures_all", expected.AllFigures, actual.AllFigures, tally, diffs);
        }

        if (expected.Tallies is { } goldTallies)
        {
            CompareItems("tallies", goldTallies.Select(t => $"{t.Status} {t.Count}"), (actual.Tallies ?? []).Select(t => $"{t.Status} {t.Count}"), tally["tallies"], diffs);
        }

        var fields = Kinds.Select(k => new FieldScore(k, tally[k].Tp, tally[k].Fp, tally[k].Fn)).ToList();
        return new DocumentScore(document, fields, diffs);
    }

    private static void CompareBulletin(BulletinInfo gold, BulletinInfo actual, Counter counter, List<string> diffs)
    {
        (string Name, object? Gold, object? Actual)[] fields =
        [
            ("series", gold.Series, actual.Series), ("issue", gold.Issue, actual.Issue), ("issuer", gold.Issuer, actual.Issuer),
            ("date", gold.Date, actual.Date), ("title", gold.Title, actual.Title), ("year", gold.Year, actual.Year),
            ("declared_categories", gold.DeclaredCategories, actual.DeclaredCategories), ("declared_tasks", gold.DeclaredTasks, actual.DeclaredTasks),
        ];
        foreach (var (name, g, a) in fields)
        {
            if (counter.Value(g, a))
            {
                continue;
            }

            diffs.Add($"bulletin.{name}: expected {Show(g)}, got {Show(a)}");
        }
    }

    private static void CompareTask(BulletinTask gold, BulletinTask actual, Dictionary<string, Counter> tally, List<string> diffs)
    {
        var n = gold.Number;
        // A task found under its number counts as right when its category is right too (both null included).
        if (gold.Category == actual.Category)
        {
            tally["tasks"].Tp++;
        }
        else
        {
            tally["tasks"].Fp++;
            tally["tasks"].Fn++;
            diffs.Add($"task {n} category: expected {Show(gold.Category)}, got {Show(actual.Category)}");
        }

        Check(tally["task_text"], gold.Text, actual.Text, diffs, $"task {n} text");
        Check(tally["departments"], Show(gold.Departments), Show(actual.Departments), diffs, $"task {n} departments", bothEmptyIsNothing: gold.Departments.Count == 0 && actual.Departments.Count == 0);
        Check(tally["as_of"], gold.Progress?.AsOf, actual.Progress?.AsOf, diffs, $"task {n} as_of");
        Check(tally["progress_text"], gold.Progress?.Text, actual.Progress?.Text, diffs, $"task {n} progress");
        CompareFigures($"task {n} targets", gold.Targets, actual.Targets, tally, diffs);
        CompareFigures($"task {n} progress figures", gold.Progress?.Figures ?? [], actual.Progress?.Figures ?? [], tally, diffs);
    }

    private static void CompareFigures(string where, IReadOnlyList<Figure> gold, IReadOnlyList<Figure> actual, Dictionary<string, Counter> tally, List<string> diffs)
    {
        var remaining = actual.ToList();
        foreach (var g in gold)
        {
            var match = remaining.FirstOrDefault(a => a.Raw == g.Raw);
            if (match is null)
            {
                tally["figures_detected"].Fn++;
                tally["figure_values"].Fn++;
                diffs.Add($"{where}: missed {Describe(g)}");
                continue;
            }

            remaining.Remove(match);
            tally["figures_detected"].Tp++;
            if (SameFigure(g, match))
            {
                tally["figure_values"].Tp++;
            }
            else
            {
                tally["figure_values"].Fp++;
                tally["figure_values"].Fn++;
                diffs.Add($"{where}: {g.Raw} expected {Describe(g)}, got {Describe(match)}");
            }
        }

        foreach (var extra in remaining)
        {
            tally["figures_detected"].Fp++;
            tally["figure_values"].Fp++;
            diffs.Add($"{where}: extra {Describe(extra)}");
        }
    }

    /// <summary>Statements match on section and text, in any order; a matched statement's as-of date is then compared.</summary>
    private static void CompareStatements(IReadOnlyList<Statement> gold, IReadOnlyList<Statement> actual, Dictionary<string, Counter> tally, List<string> diffs)
    {
        var remaining = actual.ToList();
        foreach (var g in gold)
        {
            var match = remaining.FirstOrDefault(a => a.Section == g.Section && a.Text == g.Text);
            if (match is null)
            {
                tally["statements"].Fn++;
                tally["statement_as_of"].Fn += g.AsOf is null ? 0 : 1;
                diffs.Add($"statements: missed {Show(g.Section.ToString().ToLowerInvariant())} {Show(g.Text)}");
                continue;
            }

            remaining.Remove(match);
            tally["statements"].Tp++;
            Check(tally["statement_as_of"], g.AsOf, match.AsOf, diffs, $"statement {Show(Clip(g.Text))} as_of");
        }

        foreach (var extra in remaining)
        {
            tally["statements"].Fp++;
            tally["statement_as_of"].Fp += extra.AsOf is null ? 0 : 1;
            diffs.Add($"statements: extra {Show(extra.Section.ToString().ToLowerInvariant())} {Show(extra.Text)}");
        }
    }

    /// <summary>Figures as one multiset of raw, wherever they stand: found when the raw is there, right when the values agree.</summary>
    private static void CompareFigureBag(string where, string kind, IEnumerable<Figure> gold, IEnumerable<Figure> actual, Dictionary<string, Counter> tally, List<string> diffs)
    {
        var remaining = actual.ToList();
        foreach (var g in gold)
        {
            var index = remaining.FindIndex(a => a.Raw == g.Raw && SameFigure(g, a));
            index = index >= 0 ? index : remaining.FindIndex(a => a.Raw == g.Raw);
            if (index < 0)
            {
                tally[kind].Fn++;
                diffs.Add($"{where}: missed {Describe(g)}");
                continue;
            }

            var match = remaining[index];
            remaining.RemoveAt(index);
            if (SameFigure(g, match))
            {
                tally[kind].Tp++;
            }
            else
            {
                tally[kind].Fp++;
                tally[kind].Fn++;
                diffs.Add($"{where}: {g.Raw} expected {Describe(g)}, got {Describe(match)}");
            }
        }

        foreach (var extra in remaining)
        {
            tally[kind].Fp++;
            diffs.Add($"{where}: extra {Describe(extra)}");
        }
    }

    private static string Clip(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private static bool SameFigure(Figure g, Figure a) =>
        Close(g.Value, a.Value) && NullableClose(g.ValueMax, a.ValueMax) && g.Unit == a.Unit && g.Qualifier == a.Qualifier && g.Change == a.Change;

    private static bool Close(double expected, double actual) =>
        expected == actual || Math.Abs(expected - actual) < 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual));

    private static bool NullableClose(double? expected, double? actual) =>
        expected is null ? actual is null : actual is not null && Close(expected.Value, actual.Value);

    private static void CompareItems(string kind, IEnumerable<string> gold, IEnumerable<string> actual, Counter counter, List<string> diffs)
    {
        var remaining = actual.ToList();
        foreach (var g in gold)
        {
            if (remaining.Remove(g))
            {
                counter.Tp++;
            }
            else
            {
                counter.Fn++;
                diffs.Add($"{kind}: missed \"{g}\"");
            }
        }

        foreach (var extra in remaining)
        {
            counter.Fp++;
            diffs.Add($"{kind}: extra \"{extra}\"");
        }
    }

    private static void Check<T>(Counter counter, T gold, T actual, List<string> diffs, string what, bool bothEmptyIsNothing = false)
    {
        if (bothEmptyIsNothing)
        {
            return;
        }

        if (!counter.Value(gold, actual))
        {
            diffs.Add($"{what}: expected {Show(gold)}, got {Show(actual)}");
        }
    }

    /// <summary>
    /// What a task without a partner carries, by field kind: every one of them is missed (a gold
    /// task) or spurious (an extra task).
    /// </summary>
    private static IEnumerable<(string Kind, int Count)> Unmatched(BulletinTask task)
    {
        var figures = task.Targets.Count + (task.Progress?.Figures.Count ?? 0);
        yield return ("tasks", 1);
        yield return ("task_text", 1);
        yield return ("departments", task.Departments.Count > 0 ? 1 : 0);
        yield return ("as_of", task.Progress?.AsOf is null ? 0 : 1);
        yield return ("progress_text", task.Progress is null ? 0 : 1);
        yield return ("figures_detected", figures);
        yield return ("figure_values", figures);
    }

    private static string Describe(Figure f) =>
        $"{f.Raw} (value {f.Value.ToString("R", CultureInfo.InvariantCulture)}{(f.ValueMax is { } m ? "–" + m.ToString("R", CultureInfo.InvariantCulture) : "")}, unit \"{f.Unit}\", qualifier {Show(f.Qualifier)}, change {Show(f.Change)})";

    private static string Show<T>(IReadOnlyList<T> items) => "[" + string.Join(", ", items) + "]";

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    /// <summary>Counts one exact field: right, wrong (a false positive and a false negative), missing, or extra.</summary>
    private sealed class Counter
    {
        public int Tp { get; set; }

        public int Fp { get; set; }

        public int Fn { get; set; }

        public bool Value<T>(T gold, T actual)
        {
            var goldPresent = gold is not null;
            var actualPresent = actual is not null;
            if (goldPresent && actualPresent && EqualityComparer<T>.Default.Equals(gold, actual))
            {
                Tp++;
                return true;
            }

            if (!goldPresent && !actualPresent)
            {
                return true;
            }

            Fp += actualPresent ? 1 : 0;
            Fn += goldPresent ? 1 : 0;
            return false;
        }
    }
}
