using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Removes the marks pages put into a text (glosses of mirror sites: 個(gè), 百分點(diǎn); list
/// bullets: • 浏览次数) before any rule reads it: the document the rules see, and that
/// provenance quotes, is the text without them.
/// </summary>
public static class Annotations
{
    public static RawDocument Remove(RawDocument document, IReadOnlyList<PatternRule> annotations)
    {
        foreach (var annotation in annotations)
        {
            if (document.Paragraphs.Any(p => annotation.Pattern.IsMatch(p.Text)))
            {
                document = document with
                {
                    Paragraphs = [.. document.Paragraphs.Select(p => annotation.Pattern.IsMatch(p.Text) ? p with { Text = annotation.Pattern.Replace(p.Text, "") } : p)],
                };
            }
        }

        return document;
    }
}
