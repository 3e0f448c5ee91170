using Extraction.Figures;
using Extraction.Figures.Dates;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Turns a segmented bulletin into the bulletin/1 record: numbers and dates are read,
/// department lists split, figures extracted, categories chosen, counts checked.
/// </summary>
public sealed class BulletinBuilder(RuleSet rules)
{
    private readonly FigureExtractor figures = new(rules.Figures, rules.Folding);
    private readonly DateResolver dates = new(rules.Dates, rules.Folding);

    public FigureExtractor Figures => figures;

    public BulletinDocument Build(SegmentedBulletin segmented, SourceInfo source)
    {
        var warnings = new List<string>();
        var info = BuildInfo(segmented);
        var (categories, categoryLevel) = ChooseCategories(segmented);

        var tasks = new List<BulletinTask>();
        foreach (var task in segmented.Tasks)
        {
            if (Numeral.ToInt(task.Number) is not { } number)
            {
                warnings.Add($"task number '{task.Number}' is not a number; task skipped");
                continue;
            }

            var heading = categoryLevel switch { 1 => task.Part, 2 => task.Category, _ => null };
            tasks.Add(new BulletinTask(
                number,
                heading is null ? null : Numeral.ToInt(heading.Ordinal),
                task.Text.ToString().Trim(),
                SplitDepartments(task.Departments?.ToString()),
                figures.Extract(task.Text.ToString().Trim()),
                BuildProgress(task, info, warnings)));
        }

        var problems = segmented.Problems
            .Select((p, i) => new Problem(Numeral.ToInt(p.Ordinal) ?? i + 1, p.Text.ToString().Trim()))
            .ToList();

        CheckCounts(info, categories.Count, tasks.Count, warnings);
        return new BulletinDocument(source, info, categories, tasks, problems, warnings);
    }

    private BulletinInfo BuildInfo(SegmentedBulletin s)
    {
        var date = s.Date is null ? null : dates.ParseDocumentDate(s.Date);
        int? declaredCategories = null, declaredTasks = null;
        foreach (var paragraph in s.Intro.Select(rules.Folding.Fold))
        {
            foreach (var rule in rules.DeclaredCounts)
            {
                var match = rule.Pattern.Match(paragraph);
                if (match.Success)
                {
                    declaredCategories ??= match.Groups["categories"].Success ? Numeral.ToInt(match.Groups["categories"].Value) : null;
                    declaredTasks ??= Numeral.ToInt(match.Groups["tasks"].Value);
                    break;
                }
            }

            if (declaredTasks is not null)
            {
                break;
            }
        }

        return new BulletinInfo(
            Series: s.Series,
            Issue: Numeral.ToInt(s.Issue),
            Issuer: s.Issuer,
            Date: date,
            Title: s.Title,
            Year: ProgrammeYear(s, date),
            DeclaredCategories: declaredCategories,
            DeclaredTasks: declaredTasks);
    }

    /// <summary>
    /// The year the tasks belong to: stated in the title, else in the intro, else the year of
    /// the bulletin's date — unless the progress dates then fall after the bulletin's own date
    /// and a year earlier would not (a year-end report dated January).
    /// </summary>
    private int? ProgrammeYear(SegmentedBulletin s, DateOnly? date)
    {
        foreach (var text in new[] { s.Title }.Concat(s.Intro).OfType<string>())
        {
            if (Numeral.ToInt(FirstGroup(rules.ProgrammeYear, rules.Folding.Fold(text), "year")) is { } stated)
            {
                return stated;
            }
        }

        if (date is not { } published)
        {
            return null;
        }

        var asOf = s.Tasks
            .Select(t => t.Progress?.ToString())
            .OfType<string>()
            .Select(p => dates.ResolveAsOf(p, published.Year, published))
            .OfType<AsOf>()
            .Select(a => a.Date)
            .ToList();
        var late = asOf.Count(d => d > published);
        return late > asOf.Count - late && asOf.All(d => d.AddYears(-1) <= published) ? published.Year - 1 : published.Year;
    }

    /// <summary>
    /// Categories are the headings that directly hold tasks: （一） headings when tasks sit under
    /// them, else 一、 headings — unless a single 一、 heading holds every task (a wrapper such as
    /// 一、工作进展情况). Level 0 means the bulletin has no categories.
    /// </summary>
    private static (List<Category> Categories, int Level) ChooseCategories(SegmentedBulletin s)
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

            var categories = s.Headings
                .Where(h => h.Level == level)
                .Select(h => Numeral.ToInt(h.Ordinal) is { } ordinal ? new Category(ordinal, h.Title) : null)
                .OfType<Category>()
                .ToList();
            return (categories, level);
        }

        return ([], 0);
    }

    private Progress? BuildProgress(SegmentedTask task, BulletinInfo info, List<string> warnings)
    {
        var text = task.Progress?.ToString().Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var asOf = dates.ResolveAsOf(text, info.Year, info.Date)?.Date;
        if (asOf is { } date && info.Date is { } published && date > published)
        {
            warnings.Add($"task {task.Number}: progress date {date:yyyy-MM-dd} is after the bulletin date {published:yyyy-MM-dd}");
        }

        return new Progress(asOf, text, figures.Extract(text));
    }

    private IReadOnlyList<string> SplitDepartments(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return rules.DepartmentSeparator.Pattern
            .Split(text.Trim().TrimEnd('。', '.', '；', ';', '，', ','))
            .Select(d => d.Trim())
            .Where(d => d.Length > 0)
            .ToList();
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

    private static string? FirstGroup(IEnumerable<PatternRule> patterns, string text, string group)
    {
        foreach (var rule in patterns)
        {
            var match = rule.Pattern.Match(text);
            if (match.Success && match.Groups[group].Success)
            {
                return match.Groups[group].Value;
            }
        }

        return null;
    }
}
