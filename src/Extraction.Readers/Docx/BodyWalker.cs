using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>
/// Turns the blocks of a document body into paragraphs in reading order: paragraphs with their automatic
/// numbers, table rows as cells joined by <see cref="RawParagraph.CellSeparator"/>, and the paragraphs of
/// text boxes after the paragraph that anchors them. Text the reader does not see is left out: field
/// codes, deleted and hidden text, footnote marks. Headers, footers and notes are other parts and are
/// never read.
/// </summary>
internal sealed partial class BodyWalker(StyleSheet styles, NumberingDefinitions numbering)
{
    /// <summary>Beyond any real document; the walk is recursive and must not overflow the stack.</summary>
    private const int MaxNesting = 64;

    private readonly ListNumberer numberer = new(numbering);
    private readonly FieldTracker fields = new();

    /// <summary>Reads one block-level element (paragraph, table, content control) into <paramref name="output"/>.</summary>
    public void Block(XElement element, List<string> output) => Block(element, output, new Scope(0, InCell: false));

    private void Block(XElement element, List<string> output, Scope scope)
    {
        if (scope.Depth > MaxNesting)
        {
            throw new DocxReadException("damaged Word document: content is nested too deeply");
        }

        var inner = scope.Deeper();
        if (element.IsAlternateContent())
        {
            foreach (var child in element.ChosenBranch()?.Elements() ?? [])
            {
                Block(child, output, inner);
            }

            return;
        }

        switch (element.IsW() ? element.Name.LocalName : null)
        {
            case "p":
                Paragraph(element, output, scope);
                break;
            case "tbl":
                Table(element, output, scope);
                break;
            case "sdt":
                foreach (var child in element.WChild("sdtContent")?.Elements() ?? [])
                {
                    Block(child, output, inner);
                }

                break;
            case "customXml" or "ins" or "moveTo" or "smartTag":
                foreach (var child in element.Elements())
                {
                    Block(child, output, inner);
                }

                break;
        }
    }

    private void Paragraph(XElement paragraph, List<string> output, Scope scope)
    {
        var pPr = paragraph.WChild("pPr");
        var styleId = pPr.WChild("pStyle").Val() ?? styles.DefaultParagraphStyle;
        var text = new TextJoiner();
        var boxes = new List<XElement>();
        Inline(paragraph, new RunContext(styles.IsHidden(styleId) == true, text, boxes), scope.Deeper());
        fields.EndParagraph();

        // A paragraph whose mark is hidden or deleted (tracked changes) and that shows no text is not
        // there for the reader, and neither is its number.
        var markRPr = pPr.WChild("rPr");
        var gone = text.IsEmpty && ((StyleSheet.Hidden(markRPr) ?? styles.IsHidden(styleId)) == true || markRPr.WChild("del") is not null);
        var label = gone ? string.Empty : Label(pPr.WChild("numPr"), styleId);

        // Table-of-contents entries repeat the headings; the numbering above has still advanced.
        if (!styles.IsTableOfContents(styleId))
        {
            Emit(output, label + text);
        }

        foreach (var box in boxes)
        {
            foreach (var child in box.Elements())
            {
                Block(child, output, scope.Deeper());
            }
        }
    }

    /// <summary>
    /// The automatic number of a paragraph: numPr of the paragraph, else of its style chain (numId 0 turns
    /// numbering off). With no ilvl anywhere, a list level linked to the style (w:lvl/w:pStyle) decides.
    /// No separator follows the number whatever w:suff says: "1." and "（一）" run into the text as in the
    /// plain-text bulletins the rules were written for.
    /// </summary>
    private string Label(XElement? numPr, string? styleId)
    {
        var (styleNumId, styleLevel) = styles.Numbering(styleId);
        if ((numPr.WChild("numId").IntVal() ?? styleNumId) is not { } numId || numId == 0)
        {
            return string.Empty;
        }

        var level = numPr.WChild("ilvl").IntVal() ?? styleLevel ?? numberer.LevelOfStyle(numId, styleId) ?? 0;
        return numberer.Next(numId, level) ?? string.Empty;
    }

    private static void Emit(List<string> output, string text)
    {
        var trimmed = Trim(text);
        if (trimmed.Length > 0)
        {
            output.Add(trimmed);
        }
    }

    /// <summary>White space as the text reader trims it, plus the zero-width characters Word leaves behind.</summary>
    private static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';

    private readonly record struct Scope(int Depth, bool InCell)
    {
        public Scope Deeper() => this with { Depth = Depth + 1 };
    }

    private sealed record RunContext(bool HiddenByStyle, TextJoiner Text, List<XElement> Boxes);
}
