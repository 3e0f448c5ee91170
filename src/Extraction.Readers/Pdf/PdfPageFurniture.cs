using System.Text;
using System.Text.RegularExpressions;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Removes running headers, footers and page numbers. A candidate is a line in the top or
/// bottom fifth of a page set apart from the body by more than a line's spacing; it is
/// dropped when it reads as a page number ("— 3 —", "-3-", "第3页 共5页", "3/5") or when the
/// same text (digits aside) stands at the same height on several pages. Body text never goes:
/// it is not set apart like that, so a page number cannot end up inside a paragraph.
/// </summary>
public static partial class PdfPageFurniture
{
    private const double Band = 0.2;
    private const int MaxBlockLines = 3;

    public static List<PdfPageLines> Remove(IReadOnlyList<PdfPageLines> pages, double linePitch)
    {
        var candidates = pages.Select(p => Candidates(p, linePitch)).ToList();
        var repeated = RepeatedKeys(pages, candidates);
        var result = new List<PdfPageLines>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var drop = candidates[i].Where(l => IsPageNumber(l.Text) || repeated.Contains(Key(l))).ToHashSet(ReferenceEqualityComparer.Instance);
            drop.UnionWith(EdgePageNumbers(pages[i]));
            result.Add(drop.Count == 0 ? pages[i] : pages[i] with { Lines = [.. pages[i].Lines.Where(l => !drop.Contains(l))] });
        }

        return result;
    }

    public static bool IsPageNumber(string text)
    {
        var compact = Compact(text);
        return compact.Length is > 0 and <= 24 && PageNumber().IsMatch(compact);
    }

    /// <summary>Lines at the top or the bottom of a page that a wider gap separates from the rest.</summary>
    private static List<PdfTextLine> Candidates(PdfPageLines page, double pitch)
    {
        var lines = page.Lines;
        var found = new List<PdfTextLine>();
        if (lines.Count == 0)
        {
            return found;
        }

        var height = page.Top - page.Bottom;
        var gap = 1.3 * pitch;

        // Header block: from the top, inside the band, up to a gap wider than a line.
        for (var i = 0; i < Math.Min(MaxBlockLines, lines.Count) && !lines[i].IsTableRow && lines[i].Baseline >= page.Top - (Band * height); i++)
        {
            if (i + 1 == lines.Count || lines[i].Baseline - lines[i + 1].Baseline > gap)
            {
                found.AddRange(lines.Take(i + 1));
                break;
            }
        }

        // Footer block: from the bottom, inside the band, up to a gap wider than a line.
        for (var i = lines.Count - 1; i >= Math.Max(0, lines.Count - MaxBlockLines) && !lines[i].IsTableRow && lines[i].Baseline <= page.Bottom + (Band * height); i--)
        {
            if (i == 0 || lines[i - 1].Baseline - lines[i].Baseline > gap)
            {
                found.AddRange(lines.Skip(i));
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// A page number printed close under the body is not set apart by a gap, but it is still
    /// the page's first or last line, in the margin band, and reads as nothing but a number.
    /// </summary>
    private static IEnumerable<PdfTextLine> EdgePageNumbers(PdfPageLines page)
    {
        var height = page.Top - page.Bottom;
        if (page.Lines.Count > 1 && page.Lines[0] is { IsTableRow: false } first && first.Baseline >= page.Top - (Band * height) && IsPageNumber(first.Text))
        {
            yield return first;
        }

        if (page.Lines.Count > 1 && page.Lines[^1] is { IsTableRow: false } last && last.Baseline <= page.Bottom + (Band * height) && IsPageNumber(last.Text))
        {
            yield return last;
        }
    }

    /// <summary>Candidate texts found at about the same height on enough pages to be running furniture.</summary>
    private static HashSet<string> RepeatedKeys(IReadOnlyList<PdfPageLines> pages, List<List<PdfTextLine>> candidates)
    {
        var needed = Math.Max(2, (int)Math.Ceiling(0.3 * pages.Count));
        var byKey = new Dictionary<string, List<double>>();
        foreach (var line in candidates.SelectMany(c => c.Distinct<PdfTextLine>(ReferenceEqualityComparer.Instance)))
        {
            var key = Key(line);
            if (!byKey.TryGetValue(key, out var heights))
            {
                byKey[key] = heights = [];
            }

            heights.Add(line.Baseline);
        }

        var repeated = new HashSet<string>();
        foreach (var (key, heights) in byKey)
        {
            heights.Sort();
            var median = heights[heights.Count / 2];
            if (heights.Count(h => Math.Abs(h - median) <= 3) >= needed)
            {
                repeated.Add(key);
            }
        }

        return repeated;
    }

    // The page number changes from page to page; the rest of a running line does not.
    private static string Key(PdfTextLine line)
    {
        var key = new StringBuilder(line.Text.Length);
        foreach (var c in Compact(line.Text))
        {
            key.Append(char.IsDigit(c) ? '#' : c);
        }

        return key.ToString();
    }

    private static string Compact(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!CjkText.IsSpace(c))
            {
                compact.Append(c);
            }
        }

        return compact.ToString();
    }

    [GeneratedRegex(@"^(?:[-—–－―~～·•.]*[0-9０-９]{1,4}[-—–－―~～·•.]*|[-—–－]?[ivxlcdmIVXLCDM]{1,6}[-—–－]?|第[0-9０-９一二三四五六七八九十百零〇]{1,4}页(?:[,，/]?共[0-9０-９一二三四五六七八九十百零〇]{1,4}页)?|共[0-9０-９]{1,4}页[,，]?第[0-9０-９]{1,4}页|[0-9０-９]{1,4}/[0-9０-９]{1,4}|(?i:page)[0-9]{1,4}(?:(?i:of)[0-9]{1,4})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}
