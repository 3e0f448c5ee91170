using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>Inline content: runs, their text and breaks, fields, and the text boxes they anchor.</summary>
internal sealed partial class BodyWalker
{
    private static readonly char[] LineBreaks = ['\r', '\n', '\t', '\v', '\f'];

    private void Inline(XElement container, RunContext context, Scope scope)
    {
        if (scope.Depth > MaxNesting)
        {
            throw new DocxReadException("damaged Word document: content is nested too deeply");
        }

        foreach (var child in container.ContentElements())
        {
            if (child.IsMath("oMath") || child.IsMath("oMathPara"))
            {
                if (fields.ShowsText)
                {
                    context.Text.Append(string.Concat(child.Descendants().Where(e => e.IsMath("t")).Select(e => e.Value)));
                }

                continue;
            }

            switch (child.IsW() ? child.Name.LocalName : null)
            {
                case "r":
                    Run(child, context, scope);
                    break;
                case "fldSimple" when !FieldTracker.IsTableOfContents(child.WAttr("instr")):
                case "hyperlink" or "smartTag" or "customXml" or "ins" or "moveTo" or "dir" or "bdo":
                    Inline(child, context, scope.Deeper());
                    break;
                case "sdt" when child.WChild("sdtContent") is { } content:
                    Inline(content, context, scope.Deeper());
                    break;

                // w:del and w:moveFrom hold deleted text; w:pPr, bookmarks and proofing marks hold none.
            }
        }
    }

    private void Run(XElement run, RunContext context, Scope scope)
    {
        var rPr = run.WChild("rPr");
        var hidden = StyleSheet.Hidden(rPr) ?? styles.IsHidden(rPr.WChild("rStyle").Val()) ?? context.HiddenByStyle;
        foreach (var child in run.ContentElements())
        {
            switch (child.IsW() ? child.Name.LocalName : null)
            {
                // Field structure counts even in hidden runs.
                case "fldChar":
                    FieldChar(child.WAttr("fldCharType"));
                    break;
                case "instrText":
                    fields.Instruction(child.Value);
                    break;
                case { } name when !hidden && fields.ShowsText:
                    RunContent(name, child, context, scope);
                    break;
            }
        }
    }

    private void FieldChar(string? type)
    {
        switch (type)
        {
            case "begin":
                fields.Begin();
                break;
            case "separate":
                fields.Separate();
                break;
            case "end":
                fields.End();
                break;
        }
    }

    private void RunContent(string name, XElement element, RunContext context, Scope scope)
    {
        switch (name)
        {
            case "t":
                AppendText(context.Text, element.Value);
                break;
            case "tab" or "ptab" or "br" or "cr":
                context.Text.Break();
                break;
            case "noBreakHyphen":
                context.Text.Append("-");
                break;
            case "sym":
                context.Text.Append(SymbolCharacters.Text(element.WAttr("font"), element.WAttr("char")));
                break;
            case "drawing" or "pict" or "object":
                TextBoxes.Collect(element, context.Boxes);
                break;
            case "ruby" when element.WChild("rubyBase") is { } rubyBase:
                // The base text is the text; the ruby above it is a reading aid.
                Inline(rubyBase, context, scope.Deeper());
                break;

            // w:delText, w:footnoteReference, w:softHyphen, page numbers and the like show no text.
        }
    }

    /// <summary>Word shows a line break or tab written literally inside w:t as white space.</summary>
    private static void AppendText(TextJoiner text, string value)
    {
        if (value.IndexOfAny(LineBreaks) < 0)
        {
            text.Append(value);
            return;
        }

        var parts = value.Split(LineBreaks);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                text.Break();
            }

            text.Append(parts[i]);
        }
    }
}
