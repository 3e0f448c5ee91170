namespace Extraction.Readers.Pdf;

/// <summary>
/// What a document's body text looks like, measured on its own lines: the body font size, the
/// distance between lines of one paragraph, and the text column (the flush left margin and
/// the right margin) of each page. Nothing is assumed about paper, fonts or margins.
/// </summary>
internal sealed class PdfLayout
{
    private readonly double left;
    private readonly double right;
    private readonly Dictionary<int, double> pageLeft = [];

    public PdfLayout(IReadOnlyList<PdfPageLines> pages)
    {
        var all = pages.SelectMany(p => p.Lines).Where(l => !l.IsTableRow).ToList();
        BodySize = all.Count == 0 ? 12 : all.GroupBy(l => Math.Round(l.Size * 2) / 2).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
        var body = all.Where(IsBody).ToList();
        BodyPitch = MeasurePitch(pages);
        left = FlushLeft(body.Select(l => l.Left), BodySize) ?? (body.Count > 0 ? body.Min(l => l.Left) : 0);
        right = RightMargin(body.Select(l => l.Right).ToList(), BodySize);
        foreach (var page in pages)
        {
            pageLeft[page.Number] = PageLeft(page);
        }
    }

    public double BodySize { get; }

    /// <summary>Baseline to baseline within a paragraph of body text.</summary>
    public double BodyPitch { get; }

    public bool IsBody(PdfTextLine line) => !line.IsTableRow && Math.Abs(line.Size - BodySize) <= 0.1 * BodySize;

    public bool IsHeading(PdfTextLine line) => line.Size >= 1.15 * BodySize;

    /// <summary>The farthest the next line of the same paragraph may sit below this one.</summary>
    public double MaxLineDrop(double size) => 1.3 * BodyPitch * Math.Max(size, BodySize) / BodySize + 1;

    /// <summary>The text column of a page: where flush lines start and where full lines end.</summary>
    public (double Left, double Right) Column(int page)
    {
        var l = pageLeft.GetValueOrDefault(page, left);
        return (l, right + (l - left));
    }

    private double PageLeft(PdfPageLines page)
    {
        var body = page.Lines.Where(IsBody).ToList();
        if (body.Count == 0 || body.Min(l => l.Left) >= left - 0.5 * BodySize)
        {
            return left;
        }

        // Lines start left of the document's margin: this page has its own (mirrored margins,
        // a landscape section).
        return FlushLeft(body.Select(l => l.Left), BodySize, minimum: 2) ?? body.Min(l => l.Left);
    }

    private double MeasurePitch(IReadOnlyList<PdfPageLines> pages)
    {
        var drops = new List<double>();
        foreach (var page in pages)
        {
            for (var i = 1; i < page.Lines.Count; i++)
            {
                var (a, b) = (page.Lines[i - 1], page.Lines[i]);
                var drop = a.Baseline - b.Baseline;
                if (IsBody(a) && IsBody(b) && drop > 0.9 * BodySize && drop < 3 * BodySize)
                {
                    drops.Add(drop);
                }
            }
        }

        // The lower quartile: lines within a paragraph outnumber paragraph breaks, which may
        // add spacing; the smallest drops are the plain line pitch.
        drops.Sort();
        return drops.Count == 0 ? 1.5 * BodySize : drops[drops.Count / 4];
    }

    /// <summary>
    /// The leftmost start shared by a good share of the lines. Continuation lines of indented
    /// paragraphs are flush, first lines are indented; a stray line further left is neither.
    /// </summary>
    private static double? FlushLeft(IEnumerable<double> starts, double size, int minimum = 2)
    {
        var sorted = starts.Order().ToList();
        var clusters = new List<(double Start, int Count)>();
        foreach (var x in sorted)
        {
            if (clusters.Count > 0 && x - clusters[^1].Start <= 0.25 * size)
            {
                clusters[^1] = (clusters[^1].Start, clusters[^1].Count + 1);
            }
            else
            {
                clusters.Add((x, 1));
            }
        }

        if (clusters.Count == 0)
        {
            return null;
        }

        var needed = Math.Max(minimum, (int)(0.2 * clusters.Max(c => c.Count)));
        foreach (var cluster in clusters)
        {
            if (cluster.Count >= needed)
            {
                return cluster.Start;
            }
        }

        return null;
    }

    /// <summary>Where full lines end: the largest right edge that another line also reaches (within a size), so one line running into the margin does not move it.</summary>
    private static double RightMargin(List<double> ends, double size)
    {
        if (ends.Count == 0)
        {
            return double.MaxValue;
        }

        ends.Sort();
        ends.Reverse();
        for (var i = 0; i + 1 < ends.Count; i++)
        {
            if (ends[i] - ends[i + 1] <= size)
            {
                return ends[i];
            }
        }

        return ends[0];
    }
}
