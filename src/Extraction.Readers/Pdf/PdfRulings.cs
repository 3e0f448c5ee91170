using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Extraction.Readers.Pdf;

/// <summary>Finds the ruled lines among a page's paths: stroked lines and rectangle edges, and the thin filled rectangles Word draws borders with.</summary>
internal static class PdfRulings
{
    // Pages with more segments than this are drawings or charts, not tables; skipping them bounds the work.
    private const int MaxSegments = 4000;
    private const double Thin = 3;
    private const double MinLength = 3;

    public static List<PdfRuling> Read(Page page, Func<PdfPoint, (double U, double V)> toFrame)
    {
        var rulings = new List<PdfRuling>();
        foreach (var path in page.Paths)
        {
            var shadingOnly = path.IsFilled && !path.IsStroked;
            if (!path.IsStroked && !path.IsFilled)
            {
                continue; // a clipping path draws nothing
            }

            foreach (var subpath in path)
            {
                if (shadingOnly)
                {
                    // A filled area is a border only when it is a thin bar; wider fills are shading.
                    var box = subpath.GetBoundingRectangle();
                    if (box is { } b)
                    {
                        AddBar(rulings, toFrame(b.BottomLeft), toFrame(b.TopRight));
                    }

                    continue;
                }

                AddEdges(rulings, subpath, toFrame);
                if (rulings.Count > MaxSegments)
                {
                    return [];
                }
            }
        }

        return rulings;
    }

    private static void AddEdges(List<PdfRuling> rulings, PdfSubpath subpath, Func<PdfPoint, (double U, double V)> toFrame)
    {
        PdfPoint? start = null, current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    start = current = move.Location;
                    break;
                case PdfSubpath.Line line:
                    AddSegment(rulings, toFrame(line.From), toFrame(line.To));
                    current = line.To;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    AddSegment(rulings, toFrame(c), toFrame(s));
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static void AddSegment(List<PdfRuling> rulings, (double U, double V) a, (double U, double V) b)
    {
        if (Math.Abs(a.V - b.V) <= 1 && Math.Abs(a.U - b.U) >= MinLength)
        {
            rulings.Add(PdfRuling.Across((a.V + b.V) / 2, a.U, b.U));
        }
        else if (Math.Abs(a.U - b.U) <= 1 && Math.Abs(a.V - b.V) >= MinLength)
        {
            rulings.Add(PdfRuling.Down((a.U + b.U) / 2, a.V, b.V));
        }
    }

    private static void AddBar(List<PdfRuling> rulings, (double U, double V) a, (double U, double V) b)
    {
        var (width, height) = (Math.Abs(a.U - b.U), Math.Abs(a.V - b.V));
        if (height <= Thin && width >= MinLength)
        {
            rulings.Add(PdfRuling.Across((a.V + b.V) / 2, a.U, b.U));
        }
        else if (width <= Thin && height >= MinLength)
        {
            rulings.Add(PdfRuling.Down((a.U + b.U) / 2, a.V, b.V));
        }
    }
}
