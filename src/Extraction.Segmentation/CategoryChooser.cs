using Extraction.Figures.Numbers;
using Extraction.Model;

namespace Extraction.Segmentation;

/// <summary>
/// Which headings are the bulletin's categories. When it declares a count (共N大类), the level
/// whose headings holding tasks number that many; otherwise （一） headings when tasks sit under
/// them, else 一、 headings — unless a single 一、 heading holds every task (a wrapper such as
/// 一、工作进展情况). Only headings that hold tasks are categories; level 0 means none.
/// </summary>
internal static class CategoryChooser
{
    public static (List<Category> Categories, int Level) Choose(SegmentedBulletin s, int? declared, Explainer explain)
    {
        var holding = new[] { 2, 1 }.ToDictionary(level => level, level => s.Tasks
            .Select(t => level == 2 ? t.Category : t.Part)
            .OfType<SegmentedHeading>()
            .Distinct()
            .ToList());
        var level = declared is { } n && holding.FirstOrDefault(h => h.Value.Count == n) is { Value.Count: > 0 } match
            ? match.Key
            : holding[2].Count > 0 ? 2 : holding[1].Count > 1 ? 1 : 0;
        if (level == 0)
        {
            return ([], 0);
        }

        var categories = new List<Category>();
        foreach (var h in holding[level])
        {
            if (Numeral.ToInt(h.Ordinal) is { } ordinal)
            {
                explain.Add($"categories[{categories.Count}]", h.RuleId, h.Title, [h.Source]);
                categories.Add(new Category(ordinal, h.Title));
            }
        }

        return (categories, level);
    }
}
