using System.Globalization;
using Extraction.Model;
using Extraction.Readers.Pdf;

namespace Extraction.Readers.Ocr;

/// <summary>
/// Turns tesseract's TSV of one page into glyphs in the PDF reader's frame (points, y up the
/// page), so that the PDF reader's line and paragraph assembly reads a scan as it reads a text
/// layer. A scan lies a little askew: the page's skew is measured along tesseract's lines and
/// turned back, so indents line up and a line keeps one baseline. Each of tesseract's lines
/// gives its words one baseline and one size (the page's usual line height when it is near
/// it, since a size that wavers would open paragraphs); specks read as quotes or commas at
/// either end of a line are dropped.
/// </summary>
public static class TesseractTsv
{
    private readonly record struct Word(int Line, double Left, double Top, double Width, double Height, double Confidence, string Text);

    public static PdfPageLines Read(OcrPage page, int dpi)
    {
        var scale = 72.0 / dpi;
        var lines = Words(page.Tsv).GroupBy(w => w.Line).Select(g => g.OrderBy(w => w.Left).ToList()).Where(l => l.Count > 0).ToList();
        var slope = Skew(lines);
        var (cos, sin) = (1 / Math.Sqrt(1 + (slope * slope)), slope / Math.Sqrt(1 + (slope * slope)));
        // tesseract's boxes of Chinese words waver (a character's box may span two lines): a
        // line's height is its words' median, and the page's usual height the median of those.
        var heights = lines.Select(Height).Order().ToList();
        var usual = heights.Count == 0 ? 0 : heights[heights.Count / 2];

        var glyphs = new List<PdfGlyph>();
        foreach (var line in lines)
        {
            var words = Trim(line, usual);
            if (words.Count == 0)
            {
                continue;
            }

            // Turned back by the skew: x' = x cos + y sin, y' = y cos − x sin (image y grows down).
            var centres = words.Select(w => ((w.Top + (w.Height / 2)) * cos) - ((w.Left + (w.Width / 2)) * sin)).Order().ToList();
            var centre = centres[centres.Count / 2];
            // Digits and Latin letters are shorter than Chinese characters: a line of them alone
            // (38.5%。 wrapped) is of the body's size unless it is far off.
            var height = Height(words);
            var latin = !words.Any(w => w.Text.Any(Han.IsIdeograph));
            var size = Math.Abs(height - usual) <= 0.25 * usual || (latin && height >= 0.6 * usual && height <= usual) ? usual : height;
            var baseline = (page.Height - (centre + (size / 2))) * scale;
            foreach (var w in words)
            {
                var y = w.Top + (w.Height / 2);
                var left = (w.Left * cos) + (y * sin);
                glyphs.Add(new PdfGlyph(w.Text, left * scale, (left + w.Width) * scale, baseline, size * scale, Math.Max(0, w.Confidence)));
            }
        }

        return new PdfPageLines(page.Number, 0, page.Height * scale, PdfLineBuilder.Build(glyphs));
    }

    private static IEnumerable<Word> Words(string tsv)
    {
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || cells[0] != "5" || string.IsNullOrWhiteSpace(cells[11]))
            {
                continue;
            }

            var numbers = cells[1..11].Select(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.Any(double.IsNaN))
            {
                continue;
            }

            // Lines are numbered within paragraphs within blocks: the three make one line's key.
            var line = (int)((numbers[1] * 1_000_000) + (numbers[2] * 1_000) + numbers[3]);
            yield return new Word(line, numbers[5], numbers[6], numbers[7], numbers[8], numbers[9], cells[11].Trim());
        }
    }

    /// <summary>The page's skew as a slope (image y per x), pooled over lines of several words: each line's words should share a centre.</summary>
    private static double Skew(List<List<Word>> lines)
    {
        double covariance = 0, variance = 0;
        foreach (var line in lines.Where(l => l.Count >= 6))
        {
            var xs = line.Select(w => w.Left + (w.Width / 2)).ToArray();
            var ys = line.Select(w => w.Top + (w.Height / 2)).ToArray();
            var (mx, my) = (xs.Average(), ys.Average());
            for (var i = 0; i < xs.Length; i++)
            {
                covariance += (xs[i] - mx) * (ys[i] - my);
                variance += (xs[i] - mx) * (xs[i] - mx);
            }
        }

        var slope = variance > 0 ? covariance / variance : 0;
        return Math.Abs(slope) < 0.1 ? slope : 0; // more than ~6° is no scanner's skew: left alone
    }

    // Marks a speck leaves at the start or end of a line: no line of a bulletin opens with a comma or closes with a pipe.
    private const string Specks = "“”\"'‘’`,，.。、_-—|｜~·";

    private static List<Word> Trim(List<Word> words, double usual)
    {
        var start = 0;
        while (start < words.Count && (IsSpeck(words[start], opening: true) || IsStray(words[start], start + 1 < words.Count ? words[start + 1] : null, usual)))
        {
            start++;
        }

        var end = words.Count;
        while (end > start && (IsSpeck(words[end - 1], opening: false) || IsStray(words[end - 1], end - 2 >= start ? words[end - 2] : null, usual)))
        {
            end--;
        }

        return words[start..end];
    }

    private static double Height(List<Word> words)
    {
        var heights = words.Select(w => w.Height).Order().ToList();
        return heights[(heights.Count - 1) / 2]; // of two, the lower: a box that spans two lines is the odd one
    }

    /// <summary>
    /// A speck at the end of a line that tesseract doubts: one character (not a digit) of a
    /// fraction of a character's height, or standing more than three characters' width away
    /// from the line it ends. A word of several characters is never one: tesseract's boxes of
    /// real words are sometimes a few pixels wide (牵头 at 3×3).
    /// </summary>
    private static bool IsStray(Word word, Word? neighbour, double usual)
    {
        if (word.Confidence >= 60 || usual <= 0 || word.Text.Length != 1 || char.IsAsciiDigit(word.Text[0]))
        {
            return false;
        }

        if (word.Height <= 0.25 * usual && word.Width <= 0.5 * usual)
        {
            return true;
        }

        var gap = neighbour is not { } n ? 0 : Math.Max(n.Left - (word.Left + word.Width), word.Left - (n.Left + n.Width));
        return gap > 3 * usual;
    }


    // A closing full stop or comma is the line's own; only a pipe, quote mark or underscore ends no line.
    private static bool IsSpeck(Word word, bool opening) =>
        word.Text.Length == 1 && (opening ? Specks.Contains(word.Text[0]) : "|｜_~`'\"".Contains(word.Text[0]));
}
