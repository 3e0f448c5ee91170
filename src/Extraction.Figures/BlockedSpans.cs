using System.Text.RegularExpressions;

namespace Extraction.Figures;

/// <summary>The spans of a text taken by names that contain numerals (两癌, 国道310…); no figure starts inside one.</summary>
internal sealed class BlockedSpans
{
    private readonly List<(int Start, int End)> spans = [];
    private int cursor;

    public BlockedSpans(Regex[] patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            for (var match = pattern.Match(text); match.Success; match = match.NextMatch())
            {
                if (match.Length > 0)
                {
                    spans.Add((match.Index, match.Index + match.Length));
                }
            }
        }

        if (patterns.Length > 1)
        {
            spans.Sort();
        }
    }

    /// <summary>The end of the span that contains <paramref name="position"/>; positions must be asked in increasing order.</summary>
    public int? EndIfInside(int position)
    {
        while (cursor < spans.Count && spans[cursor].End <= position)
        {
            cursor++;
        }

        // Spans from different patterns may overlap: any span that has started and not ended blocks.
        for (var i = cursor; i < spans.Count && spans[i].Start <= position; i++)
        {
            if (spans[i].End > position)
            {
                return spans[i].End;
            }
        }

        return null;
    }
}
