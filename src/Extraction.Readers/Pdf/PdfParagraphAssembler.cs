using System.Text;

namespace Extraction.Readers.Pdf;

/// <summary>
/// Joins lines into paragraphs by their geometry. Government documents indent the first
/// line of a paragraph and run the others flush left, so a flush line continues the line
/// above unless that line stopped short of the right margin (the next line's first word
/// would have fitted); an indented, centred or right-aligned line opens a paragraph of its
/// own. A change of font size or a wider gap than the line spacing also opens one. Centred
/// lines join only as a title (larger than body text, or wrapped because it was long), so
/// the masthead's issue, issuer and date stay apart. The same rules carry a paragraph, or a
/// word, over a page break. Chinese lines join without a space, Latin words with one.
/// Structure opens a paragraph too where the geometry does not (LibreOffice and WPS print
/// many documents without indents or gaps): a line the rules read as a heading, a task, a
/// label or a problem starts one.
/// </summary>
public static class PdfParagraphAssembler
{
    /// <summary>Paragraphs of the pages' lines, in order; page furniture should be gone already.</summary>
    /// <param name="opensParagraph">Whether a line's text opens a paragraph by what it says (a heading, a task, a label).</param>
    public static List<RawParagraph> Assemble(IReadOnlyList<PdfPageLines> pages, Func<string, bool>? opensParagraph = null)
    {
        var layout = new PdfLayout(pages);
        var paragraphs = new List<RawParagraph>();
        var text = new StringBuilder();
        var firstPage = 0;
        var indent = 0;
        (double Sum, int Weight) confidence = (0, 0);
        PdfTextLine? previous = null;
        var previousPage = 0;
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                if (previous is null || StartsParagraph(layout, previous, previousPage, line, page.Number) || opensParagraph?.Invoke(line.Text) == true)
                {
                    Flush(text, firstPage, paragraphs, indent, confidence);
                    confidence = (0, 0);
                    firstPage = page.Number;

                    // A row of aligned columns keeps where it starts, in half font sizes from the column's left
                    // edge; so does a line under one (a cell's text wrapped onto it, in whichever column).
                    indent = line.IsAligned || previous?.IsAligned == true ? Math.Max(0, (int)Math.Round((line.Left - layout.Column(page.Number).Left) / (line.Size / 2))) : 0;
                }
                else if (text.Length > 0 && CjkText.SpaceAcrossLineBreak(text[^1], line.Text[0]))
                {
                    text.Append(' ');
                }

                text.Append(line.Text);
                if (line.Confidence is { } c)
                {
                    confidence = (confidence.Sum + (c.Mean * c.Weight), confidence.Weight + c.Weight);
                }

                previous = line;
                previousPage = page.Number;
            }
        }

        Flush(text, firstPage, paragraphs, indent, confidence);
        return paragraphs;
    }

    private static bool StartsParagraph(PdfLayout layout, PdfTextLine above, int abovePage, PdfTextLine line, int page)
    {
        if (above.IsTableRow || line.IsTableRow || above.IsAligned || line.IsAligned)
        {
            return true;
        }

        if (Math.Abs(above.Size - line.Size) > 0.12 * Math.Max(above.Size, line.Size))
        {
            return true;
        }

        if (abovePage == page)
        {
            var drop = above.Baseline - line.Baseline;
            if (drop <= 0 || drop > layout.MaxLineDrop(line.Size))
            {
                return true;
            }
        }

        var (aboveLeft, aboveRight) = layout.Column(abovePage);
        var (left, right) = layout.Column(page);

        // The last line of a long centred title is centred under the full line above it
        // (…推进情况表（1—9 / 月）), whatever the column measured from a few body lines says.
        if (abovePage == page && layout.IsHeading(above) && line.Width < above.Width
            && above.Width >= 0.6 * (aboveRight - aboveLeft)
            && Math.Abs((line.Left + line.Right) / 2 - (above.Left + above.Right) / 2) <= line.Size)
        {
            return false;
        }

        var aboveShape = Shape(above, aboveLeft, aboveRight);
        var shape = Shape(line, left, right);
        if (aboveShape == LineShape.Centred || shape == LineShape.Centred)
        {
            var wrappedTitle = aboveShape == shape && abovePage == page && (layout.IsHeading(above) || above.Width >= 0.6 * (aboveRight - aboveLeft));
            return !wrappedTitle;
        }

        if (aboveShape == LineShape.RightAligned || shape != LineShape.Flush)
        {
            return true;
        }

        // A flush line continues the one above unless its first word would have fitted there.
        return above.Right + line.FirstWordWidth + above.Size <= aboveRight;
    }

    internal static LineShape Shape(PdfTextLine line, double left, double right)
    {
        var em = line.Size;
        var leftGap = line.Left - left;
        var rightGap = right - line.Right;
        if (leftGap <= 0.5 * em)
        {
            return LineShape.Flush;
        }

        if (leftGap >= 3 * em && rightGap >= 3 * em && Math.Abs(leftGap - rightGap) <= 2 * em)
        {
            return LineShape.Centred;
        }

        return rightGap <= em && leftGap >= 0.3 * (right - left) ? LineShape.RightAligned : LineShape.Indented;
    }

    private static void Flush(StringBuilder text, int page, List<RawParagraph> paragraphs, int indent, (double Sum, int Weight) confidence)
    {
        var paragraph = text.ToString().Trim();
        if (paragraph.Length > 0)
        {
            double? mean = confidence.Weight > 0 ? Math.Round(confidence.Sum / confidence.Weight, 1) : null;
            paragraphs.Add(new RawParagraph(paragraph, page, Indent: indent, Confidence: mean));
        }

        text.Clear();
    }
}

internal enum LineShape
{
    Flush,
    Indented,
    Centred,
    RightAligned,
}
