using System.Text.RegularExpressions;
using Extraction.Figures.Numbers;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>
/// Finds the figures of a text in reading order. The vocabulary comes from the rules; this
/// class scans, skips the spans of names that contain numerals, and lets
/// <see cref="FigureReader"/> and <see cref="FigureContext"/> read each figure and its
/// surroundings. It never throws, whatever the text.
/// </summary>
public sealed class FigureExtractor
{
    private readonly FigureReader reader;
    private readonly FigureContext context;
    private readonly Regex[] notFigures;
    private readonly TextFolding folding;

    /// <param name="folding">How the text is folded for matching (traditional to simplified, full-width to plain).</param>
    public FigureExtractor(FigureRules rules, TextFolding? folding = null)
    {
        this.folding = folding ?? TextFolding.None;
        reader = new FigureReader(rules);
        context = new FigureContext(rules);
        // One pattern per rule, as the rule loader made it (compiled to IL for a run of many
        // files): a single alternation of all of them loses the fast search for each pattern's
        // first character and runs slower than the separate scans.
        notFigures = [.. rules.NotFigures.Select(n => n.Pattern)];
    }

    public IReadOnlyList<Figure> Extract(string printed)
    {
        // Everything is matched on the folded text; raw is cut from the printed one.
        var text = folding.Fold(printed);
        var found = new List<Described>();
        var blocked = new BlockedSpans(notFigures, text);
        var i = 0;
        while (i < text.Length)
        {
            if (!reader.MayStart(text[i]))
            {
                i++;
                continue;
            }

            if (blocked.EndIfInside(i) is { } blockEnd)
            {
                i = blockEnd;
                continue;
            }

            // A number starts where its digits start: the tail of a run too long to be a number
            // (99999999999999999999999999999) is not read as a number of its own.
            if (i > 0 && Numeral.IsArabicDigit(text[i]) && Numeral.IsArabicDigit(text[i - 1]))
            {
                i = SkipDigits(text, i);
                continue;
            }

            Reading? reading;
            int next;
            try
            {
                (reading, next) = reader.ReadAt(text, i);
            }
            catch (OverflowException)
            {
                // A quantity beyond any real figure (99999999999999999万亿元) is no figure.
                (reading, next) = (null, SkipDigits(text, i + 1));
            }

            if (reading is { } figure)
            {
                found.Add(context.Describe(text, printed, figure, found.Count > 0 ? found[^1] : null));
            }

            i = Math.Max(next, i + 1);
        }

        return ShareListUnits(text, found);
    }

    /// <summary>3、5、8个: bare numbers of a list take the unit written once at its end.</summary>
    private List<Figure> ShareListUnits(string text, List<Described> found)
    {
        var figures = found.Select(d => d.Figure).ToList();
        for (var i = figures.Count - 2; i >= 0; i--)
        {
            var next = figures[i + 1];
            if (figures[i].Unit.Length == 0 && figures[i].Kind != FigureKind.Rank && next.Unit.Length > 0
                && context.IsListContinuation(text, found[i].Reading.End, found[i + 1].Reading.Start))
            {
                figures[i] = figures[i] with { Unit = next.Unit, Kind = next.Kind };
            }
        }

        return figures;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && (Numeral.IsArabicDigit(text[i]) || ChineseNumerals.IsNumeralChar(text[i])))
        {
            i++;
        }

        return i;
    }
}
