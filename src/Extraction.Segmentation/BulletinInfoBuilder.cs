using System.Globalization;
using Extraction.Figures.Dates;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// The bulletin's own facts: masthead fields, the date (the masthead's, else the date the page
/// says it was published, else the date under the signature), declared counts (from the
/// paragraphs before the first task), the programme year and the period the title states.
/// </summary>
internal sealed class BulletinInfoBuilder(RuleSet rules, DateResolver dates)
{
    /// <param name="head">The statements before the first task, where the programme's counts are declared.</param>
    /// <param name="title">The title the rules recognised, or the first line taken for it.</param>
    public (BulletinInfo Info, AsOf? Period) Build(SegmentedBulletin s, Located? title, IReadOnlyList<SegmentedStatement> head, Located? caption, Explainer explain)
    {
        // The signature names the issuer when the masthead's is only a name above the title (a web site's, in a copied page).
        var issuer = s.IssuerUndated && s.Signatory is not null ? s.Signatory : s.Issuer ?? s.Signatory;
        explain.Value("bulletin.series", s.Series);
        explain.Value("bulletin.issue", s.Issue);
        explain.Value("bulletin.issuer", issuer);
        explain.Value("bulletin.title", title);
        var (date, dateSource) = new[] { s.Date, s.Published, s.Signed }
            .OfType<Located>()
            .Select(d => (Date: dates.ParseDocumentDate(d.Value), Source: d))
            .FirstOrDefault(d => d.Date is not null);
        if (date is not null)
        {
            explain.Value("bulletin.date", dateSource);
        }

        var texts = head.Where(h => h.Heading is null).Select(h => new Located(h.Text.Text, h.Text.RuleId, h.Text.Locate().FirstOrDefault()));
        var (declaredCategories, declaredTasks) = DeclaredCounts(title is null ? texts : texts.Append(title), explain);
        var year = ProgrammeYear(s, title, date, dateSource, head, explain);
        // A caption names the period of the table under it, more closely than the title (6月 → 截至6月20日).
        var (period, from) = new[] { caption, title }
            .OfType<Located>()
            .Select(text => (Period: dates.FindPeriod(text.Value, year), Text: text))
            .FirstOrDefault(p => p.Period is not null);
        if (period is not null)
        {
            explain.Add("bulletin.period", period.Rule.Id, Iso(period.Date), [from.Source with { Start = from.Source.Start + period.Start, Length = period.Length }]);
        }

        var info = new BulletinInfo(
            Series: s.Series?.Value,
            Issue: Numeral.ToInt(s.Issue?.Value),
            Issuer: issuer?.Value,
            Date: date,
            Title: title?.Value,
            Year: year,
            DeclaredCategories: declaredCategories,
            DeclaredTasks: declaredTasks);
        return (info, period);
    }

    private (int? Categories, int? Tasks) DeclaredCounts(IEnumerable<Located> texts, Explainer explain)
    {
        foreach (var paragraph in texts)
        {
            foreach (var rule in rules.DeclaredCounts)
            {
                var match = rule.Pattern.Match(rules.Folding.Fold(paragraph.Value));
                if (!match.Success || Numeral.ToInt(match.Groups["tasks"].Value) is not ({ } tasks and > 0))
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

                return (match.Groups["categories"].Success ? Numeral.ToInt(match.Groups["categories"].Value) : null, tasks);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// The year the tasks belong to: stated in the title, else the year of the bulletin's date —
    /// unless the progress dates then fall after the bulletin's own date and a year earlier would
    /// not (a year-end report dated January) — else a year the opening paragraphs state.
    /// </summary>
    private int? ProgrammeYear(SegmentedBulletin s, Located? title, DateOnly? date, Located? dateSource, IReadOnlyList<SegmentedStatement> head, Explainer explain)
    {
        if (StatedYear(title, explain) is { } titled)
        {
            return titled;
        }

        if (date is { } published)
        {
            var asOf = s.Tasks
                .Select(t => t.Progress?.Text)
                .OfType<string>()
                .Select(p => dates.ResolveAsOf(p, published.Year, published))
                .OfType<AsOf>()
                .Select(a => a.Date)
                .ToList();
            var late = asOf.Count(d => d > published);
            var year = late > asOf.Count - late && asOf.All(d => d.AddYears(-1) <= published) ? published.Year - 1 : published.Year;
            explain.Add("bulletin.year", year == published.Year ? "year.from-date" : "year.from-date-before-progress", year.ToString(CultureInfo.InvariantCulture), dateSource is null ? [] : [dateSource.Source]);
            return year;
        }

        return head.Select(h => StatedYear(new Located(h.Text.Text, h.Text.RuleId, h.Text.Locate().FirstOrDefault()), explain)).FirstOrDefault(y => y is not null);
    }

    private int? StatedYear(Located? text, Explainer explain)
    {
        if (text is null)
        {
            return null;
        }

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

        return null;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
