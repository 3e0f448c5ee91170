using System.Globalization;
using Extraction.Figures.Dates;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// The statements of a bulletin: every paragraph outside masthead, tasks and problems, with its
/// section, its as-of date and its figures, and the tallies they state. A heading is a statement
/// unless it is a category or a sub-group of one.
/// </summary>
/// <param name="figures">The figures of a text, named.</param>
internal sealed class StatementBuilder(RuleSet rules, Func<string, IReadOnlyList<Figure>> figures, DateResolver dates)
{
    private readonly TallyFinder tallies = new(rules);

    public (List<Statement> Statements, List<Tally> Tallies) Build(
        IReadOnlyList<SegmentedStatement> segmented, SegmentedBulletin s, int categoryLevel, BulletinInfo info, AsOf? period, Explainer explain)
    {
        var (firstStructure, lastTask) = TaskRange(s, categoryLevel);
        var closingFrom = s.Tasks.Count > 0 ? Position.Max : segmented.FirstOrDefault(x => x.ClosingCue)?.Text.First ?? Position.Max;
        var statements = new List<Statement>();
        var found = new List<Tally>();
        foreach (var statement in segmented.Where(x => !IsStructure(x.Heading, categoryLevel, s)))
        {
            var text = statement.Text.Text;
            var at = statement.Text.First;
            var section = s.Tasks.Count == 0 ? (at >= closingFrom ? StatementSection.Closing : StatementSection.Intro)
                : at < firstStructure ? StatementSection.Intro
                : at >= lastTask ? StatementSection.Closing
                : StatementSection.Body;
            var path = $"statements[{statements.Count}]";
            explain.Field($"{path}.text", statement.Text);
            var asOf = AsOf(statement.Text, info, period, $"{path}.as_of", explain);
            var extracted = figures(text);
            for (var i = 0; i < extracted.Count; i++)
            {
                explain.Add($"{path}.figures[{i}]", FigureRuleId(extracted[i]), extracted[i].Raw, statement.Text.Locate(extracted[i].Start, extracted[i].Raw.Length));
            }

            statements.Add(new Statement(section, text, asOf, extracted));
            foreach (var tally in tallies.Find(text))
            {
                if (found.Any(t => t.Status == tally.Tally.Status && t.Count == tally.Tally.Count))
                {
                    continue;
                }

                explain.Add($"tallies[{found.Count}]", tally.RuleId, $"{Snake(tally.Tally.Status)} {tally.Tally.Count}", statement.Text.Locate(tally.Start, tally.Length));
                found.Add(tally.Tally);
            }
        }

        return (statements, found);
    }

    /// <summary>The statement's own opening date, else the period its title states, else none.</summary>
    private DateOnly? AsOf(TextField text, BulletinInfo info, AsOf? period, string path, Explainer explain)
    {
        if (dates.ResolveAsOf(text.Text, info.Year, info.Date, period?.Date) is { } own)
        {
            explain.Add(path, own.Rule.Id, Iso(own.Date), text.Locate(own.Start, own.Length));
            return own.Date;
        }

        if (period is not null)
        {
            explain.Add(path, "as_of.title-period", Iso(period.Date), []);
        }

        return period?.Date;
    }

    /// <summary>
    /// Where the tasks are: the paragraph of the first task or category heading, and the last
    /// paragraph any task takes text from. Statements before are the intro, after the closing.
    /// </summary>
    private static (Position First, Position Last) TaskRange(SegmentedBulletin s, int categoryLevel)
    {
        if (s.Tasks.Count == 0)
        {
            return (Position.Max, Position.Max);
        }

        var headings = s.Tasks.Select(t => categoryLevel == 1 ? t.Part : categoryLevel == 2 ? t.Category : null).OfType<SegmentedHeading>();
        var first = headings.Select(h => Position.Start(h.Source)).Append(s.Tasks.Min(t => Position.Start(t.Number.Source))).Min();
        var last = s.Tasks.Max(t => new[] { Position.End(t.Number.Source), t.Text.Last, t.Progress?.Last ?? Position.Min }
            .Concat(t.Departments.Select(d => d.Last)).Max());
        return (first, last);
    }

    /// <summary>A category heading, or a sub-group heading under one, that holds tasks: structure, not a statement.</summary>
    private static bool IsStructure(SegmentedHeading? heading, int categoryLevel, SegmentedBulletin s) =>
        heading is not null && categoryLevel > 0 && heading.Level >= categoryLevel
        && s.Tasks.Any(t => t.Part == heading || t.Category == heading);

    internal static string FigureRuleId(Figure f) => $"figures.{(f.Unit.Length > 0 ? f.Unit : f.Kind.ToString().ToLowerInvariant())}";

    private static string Snake(TallyStatus status) => status switch
    {
        TallyStatus.OnSchedule => "on_schedule",
        TallyStatus.NotStarted => "not_started",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
