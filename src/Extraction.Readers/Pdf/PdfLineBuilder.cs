using System.Text;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Groups a page's glyphs into lines by baseline and settles the spaces within each line by
/// what stands on either side of a gap: beside Chinese, a space or a narrow gap is layout
/// (LibreOffice and WPS set digits and Latin text apart) and goes; between Latin words it
/// stays; a gap as wide as a tab stop or a column becomes as many spaces as it is wide (in
/// half font sizes, the width of a digit), so columns aligned with spaces stay aligned.
/// </summary>
public static class PdfLineBuilder
{
    // Baselines closer than this many font sizes are one line: a superscript is raised about a
    // third of a size, the next line sits at least one size lower.
    private const double SameLine = 0.4;

    // Fake bold prints each glyph twice, a fraction of a point apart.
    private const double Duplicate = 0.15;

    // A gap this wide (in font sizes) between two Latin characters is a word space.
    private const double LatinSpace = 0.2;

    // A gap this wide is a tab stop or a column gap (issuer left, date right): it stays one
    // space even beside Chinese. LibreOffice's gap after an automatic number "1." is ~1.2.
    private const double ColumnGap = 1.5;

    public static List<PdfTextLine> Build(IEnumerable<PdfGlyph> glyphs)
    {
        var sorted = new List<PdfGlyph>();
        foreach (var glyph in glyphs)
        {
            if (glyph.Text.Length > 0 && glyph.Size > 0)
            {
                sorted.Add(glyph);
            }
        }

        sorted.Sort(static (a, b) => a.Baseline != b.Baseline ? b.Baseline.CompareTo(a.Baseline) : a.Left.CompareTo(b.Left));
        var lines = new List<PdfTextLine>();
        var current = new List<PdfGlyph>();
        double reference = 0, referenceSize = 0;
        foreach (var glyph in sorted)
        {
            if (current.Count > 0 && reference - glyph.Baseline > SameLine * Math.Max(referenceSize, glyph.Size))
            {
                AddLine(current, lines);
                current.Clear();
            }

            // The line's reference is its largest glyph, so a raised small figure opening the
            // line does not pull the baseline up.
            if (current.Count == 0 || glyph.Size > referenceSize)
            {
                reference = glyph.Baseline;
                referenceSize = glyph.Size;
            }

            current.Add(glyph);
        }

        AddLine(current, lines);
        return lines;
    }

    private static void AddLine(List<PdfGlyph> glyphs, List<PdfTextLine> lines)
    {
        glyphs.Sort(static (a, b) => a.Left.CompareTo(b.Left));

        // The printed glyphs, each with whether a space character stood before it.
        var printed = new List<PdfGlyph>(glyphs.Count);
        var spaced = new List<bool>(glyphs.Count);
        var space = false;
        foreach (var glyph in glyphs)
        {
            if (CjkText.IsBlank(glyph.Text))
            {
                space = printed.Count > 0;
            }
            else if (!IsCopy(glyph, printed))
            {
                printed.Add(glyph);
                spaced.Add(space);
                space = false;
            }
        }

        if (printed.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        var typicalGap = TypicalGap(printed);
        for (var i = 0; i < printed.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator(printed[i - 1], printed[i], spaced[i], typicalGap));
            }

            AppendPrintable(text, printed[i].Text);
        }

        var line = text.ToString().Trim();
        if (line.Length > 0)
        {
            var (size, baseline) = SizeAndBaseline(printed);
            lines.Add(new PdfTextLine(line, printed[0].Left, printed.Max(g => g.Right), baseline, size, FirstWordWidth(printed)) { Confidence = Confidence(printed) });
        }
    }

    /// <summary>The mean OCR confidence of recognised glyphs, weighted by their length; null for a text layer.</summary>
    private static (double Mean, int Weight)? Confidence(List<PdfGlyph> printed)
    {
        double sum = 0;
        var weight = 0;
        foreach (var glyph in printed)
        {
            if (glyph.Confidence >= 0)
            {
                sum += glyph.Confidence * glyph.Text.Length;
                weight += glyph.Text.Length;
            }
        }

        return weight == 0 ? null : (sum / weight, weight);
    }

    /// <summary>The most common font size among the glyphs, and the median baseline.</summary>
    private static (double Size, double Baseline) SizeAndBaseline(List<PdfGlyph> printed)
    {
        var counts = new Dictionary<double, int>();
        var baselines = new double[printed.Count];
        for (var i = 0; i < printed.Count; i++)
        {
            var size = Math.Round(printed[i].Size, 1);
            counts[size] = counts.GetValueOrDefault(size) + 1;
            baselines[i] = printed[i].Baseline;
        }

        Array.Sort(baselines);
        return (counts.MaxBy(c => c.Value).Key, baselines[baselines.Length / 2]);
    }

    // Fake bold prints each glyph twice, a fraction of a point apart; the copy follows closely.
    private static bool IsCopy(PdfGlyph glyph, List<PdfGlyph> kept)
    {
        for (var i = kept.Count - 1; i >= 0 && i >= kept.Count - 3; i--)
        {
            var k = kept[i];
            if (k.Text == glyph.Text && Math.Abs(k.Left - glyph.Left) < Duplicate * glyph.Size && Math.Abs(k.Baseline - glyph.Baseline) < Duplicate * glyph.Size)
            {
                return true;
            }
        }

        return false;
    }

    private static string Separator(PdfGlyph left, PdfGlyph right, bool spaceGlyph, double typicalGap)
    {
        var em = Math.Max(left.Size, right.Size);
        var gap = right.Left - left.Right;

        // Text spread to a fixed width (分散对齐) has wide gaps everywhere: only a gap wider than
        // the line's usual one separates columns.
        if (gap >= ColumnGap * em + typicalGap)
        {
            return new string(' ', Math.Max(2, (int)Math.Round(gap / (em / 2))));
        }

        // A space typed after a sentence ends is the document's own (a text whose line breaks
        // were lost keeps one there); any other space beside Chinese is the layout's.
        if (spaceGlyph && ("。：；！？".Contains(left.Text[^1]) || IsHan(left.Text[^1]) && IsHan(right.Text[0])))
        {
            return " ";
        }

        if (CjkText.IsCjk(left.Text[^1]) || CjkText.IsCjk(right.Text[0]))
        {
            return "";
        }

        // Justified Chinese lines spread every glyph a little, Latin letters included: only a
        // gap wider than the line's usual one is a word space.
        return spaceGlyph || gap > (LatinSpace * em) + typicalGap ? " " : "";
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static double TypicalGap(List<PdfGlyph> printed)
    {
        if (printed.Count < 3)
        {
            return 0;
        }

        var gaps = new double[printed.Count - 1];
        for (var i = 1; i < printed.Count; i++)
        {
            gaps[i - 1] = Math.Max(0, printed[i].Left - printed[i - 1].Right);
        }

        Array.Sort(gaps);
        return gaps[gaps.Length / 2];
    }

    private static void AppendPrintable(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            if (!char.IsControl(c) && c != '\u00AD')
            {
                text.Append(c);
            }
        }
    }

    /// <summary>The width of the unbreakable start of a line: one Chinese character or one Latin word, with the closing punctuation that must stay with it.</summary>
    private static double FirstWordWidth(List<PdfGlyph> printed)
    {
        var first = printed[0];
        var end = 1;
        if (!CjkText.IsCjk(first.Text[0]))
        {
            while (end < printed.Count && !CjkText.IsCjk(printed[end].Text[0]) && printed[end].Left - printed[end - 1].Right <= LatinSpace * first.Size)
            {
                end++;
            }
        }

        while (end < printed.Count && CjkText.IsClosing(printed[end].Text[0]))
        {
            end++;
        }

        return printed[end - 1].Right - first.Left;
    }
}
