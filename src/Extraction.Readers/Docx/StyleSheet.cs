using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>One style of styles.xml, with only what reading text needs.</summary>
internal sealed record StyleDefinition(string Id, string? Name, string? BasedOn, int? NumId, int? Level, bool? Hidden);

/// <summary>
/// The styles of a document. Chinese Word writes style ids such as "a", "1", "a3", so a style's kind is
/// told by its name (w:name "heading 1", "toc 1"), never by its id; properties follow w:basedOn.
/// </summary>
internal sealed class StyleSheet
{
    private const int MaxChain = 32;

    private readonly Dictionary<string, StyleDefinition> styles;

    private StyleSheet(Dictionary<string, StyleDefinition> styles, string? defaultParagraphStyle)
    {
        this.styles = styles;
        DefaultParagraphStyle = defaultParagraphStyle;
    }

    public static StyleSheet Empty { get; } = new([], null);

    /// <summary>The style of paragraphs that name none (w:default="1").</summary>
    public string? DefaultParagraphStyle { get; }

    public static StyleSheet Parse(XElement root)
    {
        var styles = new Dictionary<string, StyleDefinition>(StringComparer.Ordinal);
        string? defaultParagraph = null;
        foreach (var style in root.ContentElements().Where(e => e.IsW("style")))
        {
            if (style.WAttr("styleId") is not { } id)
            {
                continue;
            }

            var numPr = style.WChild("pPr").WChild("numPr");
            styles.TryAdd(id, new StyleDefinition(
                id,
                style.WChild("name").Val(),
                style.WChild("basedOn").Val(),
                numPr.WChild("numId").IntVal(),
                numPr.WChild("ilvl").IntVal(),
                Hidden(style.WChild("rPr"))));
            if (style.WAttr("type") == "paragraph" && style.WAttr("default") is "1" or "true" or "on")
            {
                defaultParagraph ??= id;
            }
        }

        return new StyleSheet(styles, defaultParagraph);
    }

    /// <summary>Whether run properties hide text (w:vanish, or w:specVanish), or null when they do not say.</summary>
    public static bool? Hidden(XElement? rPr) => rPr.WChild("vanish").Toggle() ?? rPr.WChild("specVanish").Toggle();

    /// <summary>The numbering a style gives its paragraphs, from the first style up the chain that sets one.</summary>
    public (int? NumId, int? Level) Numbering(string? styleId)
    {
        int? numId = null;
        int? level = null;
        foreach (var style in Chain(styleId))
        {
            numId ??= style.NumId;
            level ??= style.Level;
        }

        return (numId, level);
    }

    public bool? IsHidden(string? styleId) => Chain(styleId).Select(s => s.Hidden).FirstOrDefault(h => h is not null);

    /// <summary>Table-of-contents entries repeat the headings they list (Word: "toc 1", WPS: "目录 1").</summary>
    public bool IsTableOfContents(string? styleId) =>
        Find(styleId)?.Name is { } name
        && (name.StartsWith("toc ", StringComparison.OrdinalIgnoreCase) || name.StartsWith("目录", StringComparison.Ordinal));

    private StyleDefinition? Find(string? styleId) => styleId is not null && styles.TryGetValue(styleId, out var style) ? style : null;

    private IEnumerable<StyleDefinition> Chain(string? styleId)
    {
        // A hand-edited file may make basedOn circular; the walk stops after a bounded number of steps.
        var style = Find(styleId);
        for (var i = 0; style is not null && i < MaxChain; i++)
        {
            yield return style;
            style = Find(style.BasedOn);
        }
    }
}
