using System.Globalization;
using Extraction.Figures;
using Extraction.Figures.Dates;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Readers;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Turns a segmented bulletin into the bulletin/1 record: numbers and dates are read,
/// department lists split, figures extracted, categories chosen, counts checked — and for
/// every value, the rule and the source text it came from.
/// </summary>
public sealed class BulletinBuilder(RuleSet rules)
{
    private readonly FigureExtractor figures = new(rules.Figures, rules.Folding);
    private readonly DateResolver dates = new(rules.Dates, rules.Folding);

    public (BulletinDocument Bulletin, IReadOnlyList<FieldProvenance> Provenance) Build(SegmentedBulletin segmented, RawDocument document, SourceInfo source)
    {
        var explain = new Explainer(document);
        var warnings = new List<string>();
        var info = BuildInfo(segmented, explain);
        var (categories, categoryLevel) = ChooseCategories(segmented, explain);

        var tasks = new List<BulletinTask>();
        foreach (var task in segmented.Tasks)
        {
            if (Numeral.ToInt(task.Number.Value) is not { } number)
            {
                warnings.Add($"task number '{task.Number.Value}' is not a number; task skipped");
                continue;
            }

            var path = $"tasks[{tasks.Count}]";
            explain.Value($"{path}.number", task.Number);
            var heading = categoryLevel switch { 1 => task.Part, 2 => task.Category, _ => null };
            if (heading is not null)
            {
                explain.Add($"{path}.category", heading.RuleId, heading.Ordinal, [heading.Source]);
            }

            var text = task.Text.Text;
            explain.Field($"{path}.text", task.Text);
            tasks.Add(new BulletinTask(
                number,
                heading is null ? null : Numeral.ToInt(heading.Ordinal),
                text,
                Departments(task, path, explain),
                Figures(task.Text, $"{path}.targets", explain),
                BuildProgress(task, info, path, warnings, explain)));
        }

        var problems = new List<Problem>();
        foreach (var p in segmented.Problems)
        {
            explain.Field($"problems[{problems.Count}]", p.Text);
            problems.Add(new Problem(Numeral.ToInt(p.Ordinal.Value) ?? problems.Count + 1, p.Text.Text));
        }

        CheckCounts(info, categories.Count, tasks.Count, warnings);
        explain.Add("rules.family", "families", segmented.Family, []);
        return (new BulletinDocument(source, info, categories, tasks, problems, warnings), explain.Fields);
    }

    private BulletinInfo BuildInfo(SegmentedBulletin s, Explainer explain)
    {
        explain.Value("bulletin.series", s.Series);
        explain.Value("bulletin.issue", s.Issue);
        explain.Value("bulletin.issuer", s.Issuer);
        explain.Value("bulletin.date", s.Date);
        explain.Value("bulletin.title", s.Title);
        var date = s.Date is null ? null : dates.ParseDocumentDate(s.Date.Value);
        int? declaredCategories = null, declaredTasks = null;
        foreach (var paragraph in s.Intro)
        {
            foreach (var rule in rules.DeclaredCounts)
            {
                var match = rule.Pattern.Match(rules.Folding.Fold(paragraph.Value));
                if (!match.Success)
                {
                    continue;
                }

                foreach (var (group, field) in new[] { ("categories", "declared_categories"), ("tasks", "declared_tasks") })
                {
                    var g = match.Groups[group];
                    if (g.Success)
                    {
                        explain.Add($"bulletin.{field}", rule.Id, g.Value, [paragraph.Source with { Start = paragraph.Source.Start + g.Index, Length = g.Length }]);
                    }
                }

                declaredCategories ??= match.Groups["categories"].Success ? Numeral.ToInt(match.Groups["categories"].Value) : null;
                declaredTasks ??= Numeral.ToInt(match.Groups["tasks"].Value);
                break;
            }

            if (declaredTasks is not null)
            {
                break;
            }
        }

        return new BulletinInfo(
            Series: s.Series?.Value,
            Issue: Numeral.ToInt(s.Issue?.Value),
            Issuer: s.Issuer?.Value,
            Date: date,
            Title: s.Title?.Value,
            Year: ProgrammeYear(s, date, explain),
            DeclaredCategories: declaredCategories,
            DeclaredTasks: declaredTasks);
    }

    /// <summary>
    /// The year the tasks belong to: stated in the title, else in the intro, else the year of
    /// the bulletin's date — unless the progress dates then fall after the bulletin's own date
    /// and a year earlier would not (a year-end report dated January).
    /// </summary>
    private int? ProgrammeYear(SegmentedBulletin s, DateOnly? date, Explainer explain)
    {
        foreach (var text in new[] { s.Title }.Concat(s.Intro).OfType<Located>())
        {
            foreach (var rule in rules.ProgrammeYear)
            {
                var match = rule.Pattern.Match(rules.Folding.Fold(text.Value));
                if (match.Success && Numeral.ToInt(match.Groups["year"].Value) is { } stated)
                {
                    var g = match.Groups["year"];
                    explain.Add("bulletin.year", rule.Id, g.Value, [text.Source with { Start = text.Source.Start + g.Index, Length = g.Length }]);
                    return stated;
                }
            }
        }

        if (date is not { } published)
        {
            return null;
        }

        var asOf = s.Tasks
            .Select(t => t.Progress?.Text)
            .OfType<string>()
            .Select(p => dates.ResolveAsOf(p, published.Year, published))
            .OfType<AsOf>()
            .Select(a => a.Date)
            .ToList();
        var late = asOf.Count(d => d > published);
        var year = late > asOf.Count - late && asOf.All(d => d.AddYears(-1) <= published) ? published.Year - 1 : published.Year;
        explain.Add("bulletin.year", year == published.Year ? "year.from-date" : "year.from-date-before-progress", year.ToString(CultureInfo.InvariantCulture), s.Date is null ? [] : [s.Date.Source]);
        return year;
    }

    /// <summary>
    /// Categories are the headings that directly hold tasks: （一） headings when tasks sit under
    /// them, else 一、 headings — unless a single 一、 heading holds every task (a wrapper such as
    /// 一、工作进展情况). Level 0 means the bulletin has no categories.
    /// </summary>
    private static (List<Category> Categories, int Level) ChooseCategories(SegmentedBulletin s, Explainer explain)
    {
        foreach (var level in new[] { 2, 1 })
        {
            var holding = s.Tasks
                .Select(t => level == 2 ? t.Category : t.Part)
                .OfType<SegmentedHeading>()
                .Distinct()
                .ToList();
            if (holding.Count == 0 || (level == 1 && holding.Count == 1))
            {
                continue;
            }

            var categories = new List<Category>();
            foreach (var h in s.Headings.Where(h => h.Level == level))
            {
                if (Numeral.ToInt(h.Ordinal) is { } ordinal)
                {
                    explain.Add($"categories[{categories.Count}]", h.RuleId, h.Title, [h.Source]);
                    categories.Add(new Category(ordinal, h.Title));
                }
            }

            return (categories, level);
        }

        return ([], 0);
    }

    private Progress? BuildProgress(SegmentedTask task, BulletinInfo info, string path, List<string> warnings, Explainer explain)
    {
        var text = task.Progress?.Text;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        explain.Field($"{path}.progress.text", task.Progress!);
        DateOnly? asOf = null;
        if (dates.ResolveAsOf(text, info.Year, info.Date) is { } resolved)
        {
            asOf = resolved.Date;
            explain.Add($"{path}.progress.as_of", resolved.Rule.Id, Iso(resolved.Date), task.Progress!.Locate(resolved.Start, resolved.Length));
        }
        else if (task.ProgressPeriod is { } period && dates.ResolveAsOf(period.Value, info.Year, info.Date) is { } fromHeader)
        {
            asOf = fromHeader.Date;
            explain.Add($"{path}.progress.as_of", fromHeader.Rule.Id, Iso(fromHeader.Date), [period.Source]);
        }

        if (asOf is { } date && info.Date is { } published && date > published)
        {
            warnings.Add($"task {task.Number.Value}: progress date {Iso(date)} is after the bulletin date {Iso(published)}");
        }

        return new Progress(asOf, text, Figures(task.Progress!, $"{path}.progress.figures", explain));
    }

    private IReadOnlyList<Figure> Figures(TextField field, string path, Explainer explain)
    {
        var found = figures.Extract(field.Text);
        for (var i = 0; i < found.Count; i++)
        {
            explain.Add($"{path}[{i}]", $"figures.{(found[i].Unit.Length > 0 ? found[i].Unit : found[i].Kind.ToString().ToLowerInvariant())}", found[i].Raw, field.Locate(found[i].Start, found[i].Raw.Length));
        }

        return found;
    }

    private List<string> Departments(SegmentedTask task, string path, Explainer explain)
    {
        var names = new List<string>();
        foreach (var list in task.Departments)
        {
            var text = list.Text;
            var at = 0;
            foreach (var part in rules.DepartmentSeparator.Pattern.Split(text))
            {
                at = text.IndexOf(part, at, StringComparison.Ordinal);
                var name = part.Trim().TrimEnd('。', '.', '；', ';', '，', ',');
                if (name.Length > 0)
                {
                    explain.Add($"{path}.departments[{names.Count}]", list.RuleId, name, list.Locate(at + part.IndexOf(name, StringComparison.Ordinal), name.Length));
                    names.Add(name);
                }

                at += part.Length;
            }
        }

        return names;
    }

    private static void CheckCounts(BulletinInfo info, int categories, int tasks, List<string> warnings)
    {
        if (info.DeclaredCategories is { } declaredCategories && declaredCategories != categories)
        {
            warnings.Add($"declared {declaredCategories} categories, found {categories}");
        }

        if (info.DeclaredTasks is { } declaredTasks && declaredTasks != tasks)
        {
            warnings.Add($"declared {declaredTasks} tasks, found {tasks}");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Collects provenance, turning spans of the document into quoted source ranges.</summary>
    private sealed class Explainer(RawDocument document)
    {
        public List<FieldProvenance> Fields { get; } = [];

        public void Value(string field, Located? value)
        {
            if (value is not null)
            {
                Add(field, value.RuleId, value.Value, [value.Source]);
            }
        }

        public void Field(string field, TextField text) => Add(field, text.RuleId, text.Text, text.Locate());

        public void Add(string field, string rule, string value, IEnumerable<SourceSpan> spans) =>
            Fields.Add(new FieldProvenance(field, rule, value, [.. spans.Where(s => s.Paragraph < document.Paragraphs.Count).Select(Range)]));

        private SourceRange Range(SourceSpan span)
        {
            var paragraph = document.Paragraphs[span.Paragraph];
            var start = Math.Clamp(span.Start, 0, paragraph.Text.Length);
            var length = Math.Clamp(span.Length, 0, paragraph.Text.Length - start);
            return new SourceRange(span.Paragraph + 1, start, length, paragraph.Page, paragraph.Text.Substring(start, length));
        }
    }
}
