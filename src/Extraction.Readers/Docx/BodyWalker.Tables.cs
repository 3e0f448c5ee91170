using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>Tables: one paragraph per row, cells joined by the cell separator.</summary>
internal sealed partial class BodyWalker
{
    /// <summary>
    /// Each table row becomes one paragraph of cells. A horizontally merged cell is one cell (w:gridSpan, or
    /// w:hMerge continuations skipped); a vertically merged continuation is an empty cell, which keeps the
    /// columns aligned without repeating the text above. A row of one cell is layout (a heading across the
    /// table, a page framed by a table) and gives its paragraphs as they are. A table inside a cell is
    /// flattened into that cell's text.
    /// </summary>
    private void Table(XElement table, List<string> output, Scope scope)
    {
        foreach (var row in Children(table, "tr", scope))
        {
            var cells = Children(row, "tc", scope).Where(c => !IsContinuation(c.WChild("tcPr").WChild("hMerge"))).ToList();
            if (cells.Count == 1)
            {
                // Not a data row: its content reads as if the table were not there, tables inside included.
                Cell(cells[0], output, scope);
                continue;
            }

            var texts = new List<string>(cells.Count);
            var any = false;
            foreach (var cell in cells)
            {
                var content = new List<string>();
                Cell(cell, content, new Scope(scope.Depth, InCell: true));
                texts.Add(TextJoiner.Join(content));
                any |= content.Count > 0;
            }

            if (any)
            {
                Emit(output, string.Join(scope.InCell ? " " : RawParagraph.CellSeparator, texts));
            }
        }
    }

    private void Cell(XElement cell, List<string> output, Scope scope)
    {
        if (IsContinuation(cell.WChild("tcPr").WChild("vMerge")))
        {
            return;
        }

        foreach (var child in cell.Elements())
        {
            Block(child, output, scope.Deeper());
        }
    }

    private static bool IsContinuation(XElement? merge) => merge is not null && merge.Val() != "restart";

    /// <summary>Rows of a table or cells of a row, also when wrapped in content controls or custom XML.</summary>
    private static IEnumerable<XElement> Children(XElement parent, string localName, Scope scope)
    {
        if (scope.Depth > MaxNesting)
        {
            throw new DocxReadException("damaged Word document: content is nested too deeply");
        }

        foreach (var child in parent.ContentElements())
        {
            if (child.IsW(localName))
            {
                yield return child;
            }
            else if (child.IsW("sdt") || child.IsW("customXml"))
            {
                foreach (var inner in Children(child.WChild("sdtContent") ?? child, localName, scope.Deeper()))
                {
                    yield return inner;
                }
            }
        }
    }
}
