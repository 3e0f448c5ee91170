using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Removes the glosses mirror sites insert into a text (個(gè), 百分點(diǎn)) before any rule reads
/// it: the document the rules see, and that provenance quotes, is the text without them.
/// </summary>
public static class Annotations
{
    public static RawDocument Remove(RawDocument document, PatternRule? annotations)
    {
        if (annotations is null || !document.Paragraphs.Any(p => annotations.Pattern.IsMatch(p.Text)))
        {
            return document;
        }

        return document with
        {
            Paragraphs = [.. document.Paragraphs.Select(p => annotations.Pattern.IsMatch(p.Text) ? p with { Text = annotations.Pattern.Replace(p.Text, "") } : p)],
        };
    }
}
