using System.Globalization;
using System.Text.Json;
using Extraction.Figures;
using Extraction.Figures.Dates;
using Extraction.Metrics;
using Extraction.Model;
using Extraction.Rules;
using Extraction.Segmentation;

namespace Extraction.Pipeline.RuleChecks;

/// <summary>
/// Checks every example and counter-example written in the rule files against the
/// mechanisms that use them: a rule that stops matching its own examples, or a rule
/// shadowed by an earlier one, is reported with its file and id. A family's own rules are
/// checked within the family, where they may shadow shared ones on purpose.
/// </summary>
public sealed class RuleExampleChecker(RuleBook book)
{
    private readonly RuleSet rules = book.Common;
    private readonly ParagraphClassifier classifier = new(book.Common);
    private readonly FigureExtractor figures = new(book.Common.Figures, book.Common.Folding);
    private readonly DateResolver dates = new(book.Common.Dates, book.Common.Folding);
    private readonly MetricTagger metrics = new(book.Common.Metrics, book.Common.Folding);

    public IReadOnlyList<RuleCheck> CheckAll()
    {
        var checks = CheckShared();
        foreach (var family in book.Families)
        {
            checks.AddRange(CheckFamily(family));
        }

        return checks;
    }

    private IEnumerable<RuleCheck> CheckFamily(RuleFamily family)
    {
        var own = new ParagraphClassifier(family.Rules);
        var folder = Path.GetDirectoryName(family.Detect[0].SourceFile)!;
        bool Own(PatternRule r) => Path.GetDirectoryName(r.SourceFile) == folder;
        foreach (var rule in family.Rules.Paragraphs.Select(p => p.Rule).Where(Own))
        {
            foreach (var check in CheckPattern(rule, own))
            {
                yield return check with { File = $"{family.Name}/{check.File}" };
            }
        }

        foreach (var rule in family.Detect.Concat(family.Unless).Concat(family.Rules.InlineDepartments.Where(Own)))
        {
            foreach (var check in CheckPattern(rule, null))
            {
                yield return check with { File = $"{family.Name}/{check.File}" };
            }
        }

        if (family.Rules.Table is { } table && Path.GetDirectoryName(table.SourceFile) == folder)
        {
            foreach (var check in CheckTable(family.Rules))
            {
                yield return check with { File = $"{family.Name}/{check.File}" };
            }
        }
    }

    private List<RuleCheck> CheckShared()
    {
        var checks = new List<RuleCheck>();
        foreach (var repair in rules.Ocr.Repairs)
        {
            checks.AddRange(CheckOcrRepair(repair));
        }

        foreach (var furniture in rules.Furniture)
        {
            checks.AddRange(CheckFurniture(furniture));
        }

        foreach (var rule in new[] { rules.Page.ContentNames, rules.Page.FurnitureNames, rules.Page.TitleNames, rules.Page.LeadNames }.OfType<PatternRule>())
        {
            checks.AddRange(CheckPattern(rule, null));
        }

        foreach (var annotation in rules.Annotations)
        {
            checks.AddRange(CheckAnnotations(annotation));
        }

        checks.AddRange(CheckTallies());

        foreach (var rule in rules.Paragraphs)
        {
            checks.AddRange(CheckPattern(rule.Rule, classifier));
        }

        checks.AddRange(CheckPieces(rules.FieldCuts.Select(c => c.Rule), new Segmentation.Layout.FieldCutter(rules).Cut));
        checks.AddRange(CheckPieces(rules.Enumerations, new Segmentation.Layout.SequenceSplitter(rules).Split));

        var measures = rules.History.Measures;
        var history = rules.History.CompletionPhrases
            .Concat(measures.States.Select(s => s.Rule)).Append(measures.CarriesState)
            .Concat(measures.PerUnitBefore).Concat(measures.PerUnitAfter)
            .Concat(rules.History.Verdicts.Select(v => v.Rule));
        var others = rules.DeclaredCounts.Concat(rules.ProgrammeYear).Concat(rules.Dates.DocumentDates).Concat(rules.InlineDepartments).Concat(history);
        foreach (var rule in rules.ProblemItem is null ? others : others.Append(rules.ProblemItem))
        {
            checks.AddRange(CheckPattern(rule, null));
        }

        if (rules.Table is not null)
        {
            checks.AddRange(CheckTable(rules));
        }

        foreach (var asOf in rules.Dates.AsOf)
        {
            checks.AddRange(CheckAsOf(asOf, text => dates.ResolveAsOf(text, rules.Dates.ExampleYear, rules.Dates.ExampleBulletinDate)));
        }

        foreach (var period in rules.Dates.Periods)
        {
            checks.AddRange(CheckAsOf(period, text => dates.FindPeriod(text, rules.Dates.ExampleYear)));
        }

        foreach (var example in rules.DepartmentSeparator.Examples)
        {
            var parts = Segmentation.DepartmentList.Names(rules.DepartmentSeparator, example.Text).ToList();
            checks.Add(new RuleCheck("department_separator", "structure.yaml", example.Text,
                parts.SequenceEqual(example.Parts) ? null : $"split into [{string.Join(", ", parts)}], expected [{string.Join(", ", example.Parts)}]"));
        }

        foreach (var example in rules.Folding.Examples)
        {
            var folded = rules.Folding.Fold(example.Text);
            checks.Add(new RuleCheck("characters", "characters.yaml", example.Text, folded == example.Folded ? null : $"folds to {folded}, expected {example.Folded}"));
        }

        var f = rules.Figures;
        var figureExamples = f.Units.SelectMany(u => u.Examples)
            .Concat(f.SuffixQualifiers.Concat(f.PrefixQualifiers).Concat(f.Changes).SelectMany(w => w.Examples))
            .Concat(f.NotFigures.SelectMany(n => n.Examples))
            .Concat(f.DateSuffixes.SelectMany(d => d.Examples))
            .Concat(f.Examples);
        checks.AddRange(figureExamples.Select(CheckFigures));
        checks.AddRange(f.Units.Select(u => PositiveAndNegative($"unit {u.Unit}", u.Examples, figure => figure.Unit == u.Unit)));
        checks.AddRange(f.SuffixQualifiers.Concat(f.PrefixQualifiers).Select(w => PositiveAndNegative(w.Id, w.Examples, figure => figure.Qualifier == w.Qualifier)));
        checks.AddRange(f.Changes.Select(w => PositiveAndNegative(w.Id, w.Examples, figure => figure.Change == w.Change)));
        checks.AddRange(f.NotFigures.Select(n => PositiveAndNegative(n.Id, n.Examples, _ => true, blocked: true)));
        checks.AddRange(rules.Metrics.Examples.Select(CheckMetric));
        return checks;
    }

    private static IEnumerable<RuleCheck> CheckTable(RuleSet set)
    {
        var roles = new Segmentation.Layout.ColumnRoles(set);
        foreach (var example in set.Table!.Examples)
        {
            var cells = example.Header.Split('|').Select(c => c.Trim()).ToList();
            if (cells.Count > 1 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            var found = roles.Header([.. roles.Merge(cells).Select(m => m.Text)]);
            var failure = found is null ? "not read as a header"
                : !found.SequenceEqual(example.Columns) ? $"columns read as [{string.Join(", ", found)}], expected [{string.Join(", ", example.Columns)}]"
                : null;
            yield return new RuleCheck("table", Path.GetFileName(set.Table.SourceFile), example.Header, failure);
        }

        var file = Path.GetFileName(set.Table.SourceFile);
        foreach (var cell in set.Table.StatusExamples)
        {
            yield return new RuleCheck("table status_cell", file, cell, set.Table.StatusCell?.IsMatch(cell) == true ? null : "not read as a status");
        }

        foreach (var cell in set.Table.StatusCounterExamples)
        {
            yield return new RuleCheck("table status_cell", file, cell, set.Table.StatusCell?.IsMatch(cell) == true ? "read as a status" : null);
        }
    }

    /// <summary>Rules that cut a text into pieces: each example gives exactly its pieces (expect pieces, joined by |), a counter-example stays whole.</summary>
    private static IEnumerable<RuleCheck> CheckPieces(IEnumerable<PatternRule> cutRules, Func<string, IReadOnlyList<(int Start, int Length)>> cut)
    {
        foreach (var rule in cutRules)
        {
            var file = Path.GetFileName(rule.SourceFile);
            foreach (var example in rule.Examples)
            {
                var pieces = string.Join("|", cut(example.Text).Select(p => example.Text.Substring(p.Start, p.Length)));
                var expected = example.Expect.GetValueOrDefault("pieces");
                yield return new RuleCheck(rule.Id, file, example.Text, pieces == expected ? null : $"cut into '{pieces}', expected '{expected}'");
            }

            foreach (var counter in rule.CounterExamples)
            {
                yield return new RuleCheck(rule.Id, file, counter, cut(counter).Count == 1 ? null : "is cut");
            }
        }
    }

    private IEnumerable<RuleCheck> CheckPattern(PatternRule rule, ParagraphClassifier? classify)
    {
        var file = Path.GetFileName(rule.SourceFile);
        foreach (var example in rule.Examples)
        {
            yield return new RuleCheck(rule.Id, file, example.Text, PatternFailure(rule, example, classify));
        }

        foreach (var counter in rule.CounterExamples)
        {
            yield return new RuleCheck(rule.Id, file, counter, rule.Pattern.IsMatch(counter) ? "matches a counter-example" : null);
        }
    }

    private string? PatternFailure(PatternRule rule, RuleExample example, ParagraphClassifier? classifier)
    {
        var match = rule.Pattern.Match(rules.Folding.Fold(example.Text));
        if (!match.Success)
        {
            return "does not match";
        }

        foreach (var (group, expected) in example.Expect)
        {
            if (group == "as_of")
            {
                continue;
            }

            var actual = match.Groups[group];
            var value = actual.Success ? example.Text.Substring(actual.Index, actual.Length).Trim() : null;
            if (value != expected)
            {
                return $"group {group} is \"{value ?? "(none)"}\", expected \"{expected}\"";
            }
        }

        if (classifier is not null)
        {
            var won = classifier.Classify(example.Text, inHead: rule.Scope == RuleScope.Head);
            if (won?.Rule.Id != rule.Id)
            {
                return $"classified by {won?.Rule.Id ?? "no rule"} instead";
            }
        }

        return null;
    }

    /// <summary>A furniture line must be recognised by its rule as a whole (words rules count what is left) and by no earlier one.</summary>
    private IEnumerable<RuleCheck> CheckFurniture(FurnitureRule furniture)
    {
        var rule = furniture.Rule;
        var file = Path.GetFileName(rule.SourceFile);
        foreach (var example in rule.Examples)
        {
            var folded = rules.Folding.Fold(example.Text);
            var first = rules.Furniture.FirstOrDefault(f => f.Matches(folded));
            var failure = !furniture.Matches(folded) ? "is not furniture by this rule"
                : first != furniture ? $"taken by {first!.Rule.Id} first"
                : example.Expect.Count > 0 ? PatternFailure(rule, example, null)
                : null;
            yield return new RuleCheck(rule.Id, file, example.Text, failure);
        }

        foreach (var counter in rule.CounterExamples)
        {
            yield return new RuleCheck(rule.Id, file, counter, furniture.Matches(rules.Folding.Fold(counter)) ? "matches a counter-example" : null);
        }
    }

    /// <summary>An example is damaged text and its repair (expect: result); a counter-example is text the repair must not touch.</summary>
    private static IEnumerable<RuleCheck> CheckOcrRepair(OcrRepair repair)
    {
        var rule = repair.Rule;
        var file = Path.GetFileName(rule.SourceFile);
        foreach (var example in rule.Examples)
        {
            var repaired = repair.Apply(example.Text);
            var failure = example.Expect.GetValueOrDefault("result") is not { } expected ? "has no expect: result"
                : !repair.Matches(example.Text) ? "does not match"
                : repaired != expected ? $"gives \"{repaired}\", expected \"{expected}\""
                : null;
            yield return new RuleCheck(rule.Id, file, example.Text, failure);
        }

        foreach (var counter in rule.CounterExamples)
        {
            yield return new RuleCheck(rule.Id, file, counter, repair.Matches(counter) ? "matches a counter-example" : null);
        }
    }

    private static IEnumerable<RuleCheck> CheckAnnotations(PatternRule rule)
    {
        var file = Path.GetFileName(rule.SourceFile);
        foreach (var example in rule.Examples)
        {
            var removed = rule.Pattern.Replace(example.Text, "");
            var expected = example.Expect.GetValueOrDefault("removed");
            yield return new RuleCheck(rule.Id, file, example.Text, removed == expected ? null : $"leaves \"{removed}\", expected \"{expected}\"");
        }

        foreach (var counter in rule.CounterExamples)
        {
            yield return new RuleCheck(rule.Id, file, counter, rule.Pattern.IsMatch(counter) ? "matches a counter-example" : null);
        }
    }

    /// <summary>Each example statement gives exactly its tallies, in order; a counter-example gives none.</summary>
    private IEnumerable<RuleCheck> CheckTallies()
    {
        var finder = new TallyFinder(rules);
        var file = Path.GetFileName(rules.Tallies.SourceFile);
        foreach (var example in rules.Tallies.Examples)
        {
            var found = finder.Find(example.Text).Select(t => (t.Tally.Status, t.Tally.Count)).ToList();
            yield return new RuleCheck("tallies", file, example.Text, found.SequenceEqual(example.Tallies) ? null
                : $"found [{string.Join(", ", found.Select(t => $"{t.Status} {t.Count}"))}], expected [{string.Join(", ", example.Tallies.Select(t => $"{t.Status} {t.Count}"))}]");
        }

        foreach (var counter in rules.Tallies.CounterExamples)
        {
            var found = finder.Find(counter).ToList();
            yield return new RuleCheck("tallies", file, counter, found.Count == 0 ? null : $"finds {string.Join(", ", found.Select(t => t.Tally.Raw))}");
        }
    }

    private IEnumerable<RuleCheck> CheckAsOf(AsOfRule asOf, Func<string, AsOf?> resolve)
    {
        var rule = asOf.Rule;
        var file = Path.GetFileName(rule.SourceFile);
        foreach (var example in rule.Examples)
        {
            var failure = PatternFailure(rule, example, null);
            if (failure is null && example.Expect.TryGetValue("as_of", out var expected))
            {
                var resolved = resolve(example.Text);
                var actual = resolved?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                failure = resolved?.Rule.Id != rule.Id ? $"resolved by {resolved?.Rule.Id ?? "no rule"}"
                    : actual != expected ? $"resolves to {actual}, expected {expected}"
                    : null;
            }

            yield return new RuleCheck(rule.Id, file, example.Text, failure);
        }

        foreach (var counter in rule.CounterExamples)
        {
            yield return new RuleCheck(rule.Id, file, counter, rule.Pattern.IsMatch(counter) ? "matches a counter-example" : null);
        }
    }

    private RuleCheck CheckFigures(FigureExample example)
    {
        var found = figures.Extract(example.Text);
        string? failure = null;
        if (found.Count != example.Figures.Count)
        {
            failure = $"found {found.Count} figures [{string.Join(", ", found.Select(x => x.Raw))}], expected {example.Figures.Count}";
        }
        else
        {
            for (var i = 0; i < found.Count && failure is null; i++)
            {
                failure = FigureFailure(found[i], example.Figures[i]);
            }
        }

        return new RuleCheck(example.RuleId, "figures", example.Text, failure);
    }

    /// <summary>
    /// A vocabulary entry shows both sides: an example where it applies (a figure with the unit,
    /// the qualifier, the change — or, for a name, no figure at all) and one where it does not.
    /// </summary>
    private RuleCheck PositiveAndNegative(string id, IReadOnlyList<FigureExample> examples, Func<Figure, bool> applies, bool blocked = false)
    {
        var outcomes = examples.Select(e => figures.Extract(e.Text)).ToList();
        var positive = blocked ? outcomes.Any(o => o.Count == 0) : outcomes.Any(o => o.Any(applies));
        var negative = blocked ? outcomes.Any(o => o.Count > 0) : outcomes.Any(o => !o.Any(applies));
        var failure = positive && negative ? null : $"needs an example where it applies{(positive ? " (has one)" : "")} and one where it does not{(negative ? " (has one)" : "")}";
        return new RuleCheck(id, "figures", "(positive and negative examples)", failure);
    }

    private RuleCheck CheckMetric(MetricExample example)
    {
        var tagged = metrics.Tag(example.Text, figures.Extract(example.Text));
        var figure = tagged.FirstOrDefault(f => f.Raw == example.Raw);
        var failure = figure is null ? $"no figure {example.Raw} found"
            : figure.Metric != example.Metric ? $"metric of {example.Raw} is {figure.Metric ?? "null"}, expected {example.Metric}"
            : null;
        return new RuleCheck("metrics", "metrics.yaml", example.Text, failure);
    }

    private static string? FigureFailure(Figure figure, IReadOnlyDictionary<string, string?> expected)
    {
        var json = JsonSerializer.SerializeToElement(figure, BulletinJson.Options);
        foreach (var (field, value) in expected)
        {
            var actual = json.TryGetProperty(field, out var property) ? property : default;
            var actualText = actual.ValueKind switch
            {
                JsonValueKind.Undefined or JsonValueKind.Null => null,
                JsonValueKind.Number => actual.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                _ => actual.ToString(),
            };
            var same = field is "value" or "value_max" && value is not null && actualText is not null
                ? Math.Abs(double.Parse(value, CultureInfo.InvariantCulture) - double.Parse(actualText, CultureInfo.InvariantCulture)) < 1e-9
                : actualText == value;
            if (!same)
            {
                return $"{figure.Raw}: {field} is {actualText ?? "null"}, expected {value ?? "null"}";
            }
        }

        return null;
    }
}

/// <summary>One example checked against its rule; <see cref="Failure"/> is null when it holds.</summary>
public sealed record RuleCheck(string RuleId, string File, string Example, string? Failure)
{
    public bool Passed => Failure is null;

    public override string ToString() => $"{File}: {RuleId}: \"{Example}\"{(Failure is null ? "" : ": " + Failure)}";
}
