using System.Text;
using AngleSharp.Dom;

namespace Extraction.Readers.Html;

/// <summary>
/// Turns an element into lines of text in reading order: each block (p, div, heading, list
/// item …) and each &lt;br&gt; ends a line, inline text joins, and each row of a data table
/// is one line of cell texts joined by <see cref="RawParagraph.CellSeparator"/>.
/// </summary>
internal sealed class BlockFlattener
{
    private readonly List<HtmlLine> lines = [];
    private readonly StringBuilder pending = new();
    private int pendingLinkChars;

    public static List<HtmlLine> Flatten(IElement root)
    {
        var flattener = new BlockFlattener();
        flattener.Walk(root, inLink: false, inPre: false);
        flattener.Break();
        return flattener.lines;
    }

    /// <summary>The element's text as one line, its own lines joined as a table cell's are.</summary>
    public static string FlattenToOneLine(IElement element) => InlineText.JoinFragments(Flatten(element).Select(l => l.Text));

    // Recursion depth is bounded: AngleSharp nests elements at most 512 deep.
    private void Walk(INode node, bool inLink, bool inPre)
    {
        if (node is IText text)
        {
            AppendText(text.Data, inLink, inPre);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "br" or "hr":
                Break();
                return;
            case "table" when Tables.IsDataTable(element):
                ReadTable(element);
                return;
        }

        var block = HtmlVocabulary.IsBlock(element);
        if (block)
        {
            Break();
        }

        inLink |= element.LocalName == "a";
        inPre |= element.LocalName == "pre";
        foreach (var child in element.ChildNodes)
        {
            Walk(child, inLink, inPre);
        }

        if (block)
        {
            Break();
        }
    }

    private void AppendText(string data, bool inLink, bool inPre)
    {
        // In <pre> the source's line breaks are the text's.
        var parts = inPre ? data.Split('\n') : [data];
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                Break();
            }

            pending.Append(parts[i]);
            if (inLink)
            {
                pendingLinkChars += TextStats.CountContent(parts[i]);
            }
        }
    }

    private void ReadTable(IElement table)
    {
        Break();
        foreach (var caption in table.Children.Where(c => c.LocalName == "caption"))
        {
            Add(FlattenToOneLine(caption), 0);
        }

        foreach (var row in Tables.Rows(table))
        {
            var cells = Tables.Cells(row).Select(Flatten).ToList();
            var texts = cells.Select(c => InlineText.JoinFragments(c.Select(l => l.Text))).ToList();
            if (texts.All(t => t.Length == 0))
            {
                continue;
            }

            var chars = texts.Sum(TextStats.CountContent);
            var linkChars = cells.SelectMany(c => c).Sum(l => l.LinkDensity * TextStats.CountContent(l.Text));
            Add(string.Join(RawParagraph.CellSeparator, texts), chars == 0 ? 0 : linkChars / chars);
        }
    }

    private void Break()
    {
        if (pending.Length > 0)
        {
            var text = InlineText.Normalize(pending.ToString());
            var chars = TextStats.CountContent(text);
            lines.Add(new HtmlLine(text, chars == 0 ? 0 : Math.Min(1, (double)pendingLinkChars / chars)));
        }

        pending.Clear();
        pendingLinkChars = 0;
    }

    private void Add(string text, double linkDensity)
    {
        Break();
        lines.Add(new HtmlLine(text, linkDensity));
    }
}
