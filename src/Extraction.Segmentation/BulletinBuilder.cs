using System.Globalization;
using Extraction.Figures;
using Extraction.Figures.Dates;
using Extraction.Figures.Numbers;
using Extraction.Metrics;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Turns a segmented bulletin into the bulletin/1 record: numbers and dates are read,
/// department lists split, figures extracted and named (their metric), categories chosen,
/// statements and tallies found, counts checked — and for every value, the rule and the
/// source text it came from.
/// </summary>
public sealed class BulletinBuilder(RuleSet rules, MetricTagger metrics)
{
    public const string NoTasksWarning = "no tasks found";

    /// <summary>A title no rule recognised may still be the first line, if it is a short line that ends no sentence.</summary>
    private const int MaxFirstLineTitle = 60;

    /// <summary>Above the title, a line no longer than this that ends no sentence belongs to the page.</summary>
    private const int MaxLineAboveTitle = 20;

    /// <summary>A caption's bracket that states a period is no longer than this: （截至10月31日）.</summary>
    private const int MaxCaption = 24;

    private readonly FigureExtractor figures = new(rules.Figures, rules.Folding);
    private readonly DateResolver dates = new(rules.Dates, rules.Folding);

    public (BulletinDocument Bulletin, IReadOnlyList<FieldProvenance> Provenance) Build(SegmentedBulletin segmented, RawDocument document, SourceInfo source)
    {
        var explain = new Explainer(document);
        var warnings = new List<string>(document.Warnings ?? []);
        var statements = segmented.Statements.ToList();
        var firstTask = segmented.Tasks.Count == 0 ? Position.Max : segmented.Tasks.Min(t => Position.Start(t.Number.Source));
        DropLinesAboveTitle(statements, segmented.Title);
        DropPageTail(statements, segmented.Tasks.Count == 0 ? Position.Min : segmented.Tasks.Max(t => t.Progress?.Last ?? t.Text.Last));
        var title = segmented.Title ?? FirstLineTitle(statements);
        var caption = Caption(statements, firstTask);
        var head = statements.Where(st => st.Text.First < firstTask).ToList();
        var (info, period) = new BulletinInfoBuilder(rules, dates).Build(segmented, title, head, caption, explain);
        var (categories, categoryLevel) = CategoryChooser.Choose(segmented, info.DeclaredCategories, explain);

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

            explain.Field($"{path}.text", task.Text);
            var (departments, partners) = Departments(task, path, explain);
            tasks.Add(new BulletinTask(
                number,
                heading is null ? null : Numeral.ToInt(heading.Ordinal),
                task.Text.Text,
                departments,
                Figures(task.Text, $"{path}.targets", explain),
                BuildProgress(task, info, period, path, warnings, explain),
                task.Numbered ? null : false,
                partners.Count > 0 ? partners : null,
                task.Verdict));
        }

        var problems = new List<Problem>();
        foreach (var p in segmented.Problems)
        {
            explain.Field($"problems[{problems.Count}]", p.Text);
            problems.Add(new Problem(Numeral.ToInt(p.Ordinal.Value) ?? problems.Count + 1, p.Text.Text));
        }

        var (bodyStatements, tallies) = new StatementBuilder(rules, FiguresOf, dates).Build(statements, segmented, categoryLevel, info, period, explain);
        if (tasks.Count == 0)
        {
            warnings.Insert(0, NoTasksWarning);
        }
        else
        {
            CheckCounts(info, categories.Count, tasks.Count, warnings);
        }

        explain.Add("rules.family", "families", segmented.Family, []);
        ExplainTables(segmented.Tables, explain);
        return (new BulletinDocument(source, info, categories, tasks, problems, warnings, bodyStatements, tallies), explain.Fields);
    }

    /// <summary>
    /// Without a title the rules recognise, the headline is the first of the opening lines that
    /// end no sentence which reads as one: short, no table row or web address, and paragraphs
    /// after it. It is then not a statement.
    /// </summary>
    private static Located? FirstLineTitle(List<SegmentedStatement> statements)
    {
        for (var i = 0; i + 1 < statements.Count && i < MaxLinesBeforeHeadline; i++)
        {
            if (statements[i] is not { Heading: null, ClosingCue: false } line || line.Text.Text.AsSpan().IndexOfAny("。；;！？!?") >= 0)
            {
                return null;
            }

            var text = line.Text.Text;
            if (text.Length <= MaxFirstLineTitle && text.AsSpan().IndexOfAny("：:|｜") < 0 && !text.Contains("www.", StringComparison.Ordinal) && !text.Contains("http", StringComparison.Ordinal))
            {
                statements.RemoveAt(i);
                return new Located(text, "title.first-line", line.Text.Locate().FirstOrDefault());
            }
        }

        return null;
    }

    /// <summary>How many lines of a copied page (a spam line, a site name) may stand above its headline.</summary>
    private const int MaxLinesBeforeHeadline = 3;

    /// <summary>
    /// Short lines above the title that end no sentence are the page's, not the bulletin's: the
    /// channel or column name a copied web page keeps above its headline ("民生工程").
    /// </summary>
    private static void DropLinesAboveTitle(List<SegmentedStatement> statements, Located? title)
    {
        if (title is not null)
        {
            statements.RemoveAll(st => st.Heading is null && st.Text.Last <= Position.Start(title.Source)
                && st.Text.Text.Length <= MaxLineAboveTitle && st.Text.Text.AsSpan().IndexOfAny("。；;！？!?") < 0);
        }
    }

    /// <summary>
    /// Short lines after the last sentence of the page that end no sentence are the page's too:
    /// its link bars and buttons (关注更新, 反馈, 返回首页), an attachment's name.
    /// </summary>
    private static void DropPageTail(List<SegmentedStatement> statements, Position lastTask)
    {
        while (statements.Count > 0 && statements[^1] is { Heading: null, Text.RuleId: "statement.paragraph" } last && last.Text.First > lastTask
            && last.Text.Text.Length <= MaxLineAboveTitle && last.Text.Text.AsSpan().IndexOfAny("。；;！？!?") < 0)
        {
            statements.RemoveAt(statements.Count - 1);
        }
    }

    /// <summary>
    /// A line before the tasks that states the period in brackets — alone (（截至10月31日）) or
    /// after the name of the table below it (2018年民生实事按时序推进的项目（截至6月20日）): a
    /// caption of the title, not a statement.
    /// </summary>
    private Located? Caption(List<SegmentedStatement> statements, Position firstTask)
    {
        var index = statements.FindIndex(st => st.Heading is null && st.Text.First < firstTask && IsCaption(st.Text.Text));
        if (index < 0)
        {
            return null;
        }

        var caption = statements[index].Text;
        statements.RemoveAt(index);
        return new Located(caption.Text, "caption.period", caption.Locate().FirstOrDefault());
    }

    /// <summary>Any year: whether a text states a period does not depend on it.</summary>
    private const int DetectionYear = 2000;

    private bool IsCaption(string text)
    {
        if (text.Length > MaxFirstLineTitle || text[^1] is not ('）' or ')') || text.AsSpan().IndexOfAny("。；;！？!?") >= 0)
        {
            return false;
        }

        var open = text.LastIndexOfAny(['（', '(']);
        return open >= 0 && text.Length - open <= MaxCaption && dates.FindPeriod(text[open..], DetectionYear) is not null;
    }

    private Progress? BuildProgress(SegmentedTask task, BulletinInfo info, AsOf? period, string path, List<string> warnings, Explainer explain)
    {
        var text = task.Progress?.Text;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        explain.Field($"{path}.progress.text", task.Progress!);
        DateOnly? asOf = null;
        if (dates.ResolveAsOf(text, info.Year, info.Date, period?.Date) is { } resolved)
        {
            asOf = resolved.Date;
            explain.Add($"{path}.progress.as_of", resolved.Rule.Id, Iso(resolved.Date), task.Progress!.Locate(resolved.Start, resolved.Length));
        }
        else if (task.ProgressPeriod is { } column && dates.FindPeriod(column.Value, info.Year) is { } fromHeader)
        {
            asOf = fromHeader.Date;
            explain.Add($"{path}.progress.as_of", fromHeader.Rule.Id, Iso(fromHeader.Date), [column.Source with { Start = column.Source.Start + fromHeader.Start, Length = fromHeader.Length }]);
        }
        else if (period is not null)
        {
            asOf = period.Date;
            explain.Add($"{path}.progress.as_of", "as_of.title-period", Iso(period.Date), []);
        }

        if (asOf is { } date && info.Date is { } published && date > published)
        {
            warnings.Add($"task {task.Number.Value}: progress date {Iso(date)} is after the bulletin date {Iso(published)}");
        }

        return new Progress(asOf, text, Figures(task.Progress!, $"{path}.progress.figures", explain));
    }

    /// <summary>The figures of a text, each named by what it counts.</summary>
    private IReadOnlyList<Figure> FiguresOf(string text) => metrics.Tag(text, figures.Extract(text));

    private IReadOnlyList<Figure> Figures(TextField field, string path, Explainer explain)
    {
        var found = FiguresOf(field.Text);
        for (var i = 0; i < found.Count; i++)
        {
            explain.Add($"{path}[{i}]", StatementBuilder.FigureRuleId(found[i]), found[i].Raw, field.Locate(found[i].Start, found[i].Raw.Length));
        }

        return found;
    }

    /// <summary>The task's units in the order written, each once, and those of them named only as partners.</summary>
    private (List<string> Names, List<string> Partners) Departments(SegmentedTask task, string path, Explainer explain)
    {
        var names = new List<string>();
        var leads = new HashSet<string>();
        var marked = new HashSet<string>();
        var brokenOff = false;
        foreach (var list in task.Departments)
        {
            var text = list.Text;
            var parts = DepartmentList.Split(rules.DepartmentSeparator, text);
            for (var p = 0; p < parts.Count; p++)
            {
                var (name, markedPartner) = DepartmentList.WithoutRole(rules.DepartmentSeparator, DepartmentList.Trimmed(text, parts[p]));
                if (name.Length == 0)
                {
                    continue;
                }

                if (markedPartner)
                {
                    marked.Add(name);
                }

                var at = text.IndexOf(name, parts[p].Start, StringComparison.Ordinal);
                var span = list.Locate(at, name.Length);

                // A name broken over two lines or cells (市人力资源 / 社会保障局) is one name.
                if (brokenOff && p == 0 && names.Count > 0)
                {
                    if (leads.Contains(names[^1]))
                    {
                        leads.Add(names[^1] + name);
                    }

                    names[^1] += name;
                    explain.Add($"{path}.departments[{names.Count - 1}]", list.RuleId, names[^1], span);
                }
                else if (!names.Contains(name))
                {
                    // A unit named again (in a table's continuation row, or as lead and partner) is listed once.
                    explain.Add($"{path}.departments[{names.Count}]", list.RuleId, name, span);
                    names.Add(name);
                }

                brokenOff = parts.Count == 1 && DepartmentList.IsBrokenName(rules.DepartmentSeparator, name) && names[^1] == name;
                if (!task.PartnerLists.Contains(list) && !markedPartner)
                {
                    leads.Add(names[^1]);
                }
            }
        }

        // A unit named as lead somewhere (牵头 in one row, 配合 in another) is a lead unit.
        return (names, [.. names.Where(n => !leads.Contains(n) && (task.PartnerLists.Count > 0 || marked.Contains(n)))]);
    }

    /// <summary>What the layout showed of each table: its form, its extent and the role each column was given.</summary>
    private static void ExplainTables(List<Layout.DetectedTable> tables, Explainer explain)
    {
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var extent = $"{table.Rows.Count} rows, ¶{table.FirstParagraph + 1}–¶{table.LastParagraph + 1}";
            explain.Add($"layout.tables[{t}]", $"table.{table.Form}", extent, []);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                explain.Add($"layout.tables[{t}].columns[{c}]", "table.header", Rules.RuleSetLoader.SnakeCase(column.Role.ToString()) + " ← " + column.Header.Value, []);
            }
        }
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
}
