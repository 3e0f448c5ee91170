using System.Xml;
using System.Xml.Linq;
using Extraction.Model;

namespace Extraction.Readers.Docx;

/// <summary>
/// Reads .docx bulletins: the paragraphs of the main document in reading order, with automatic numbers,
/// table rows and text boxes, as <see cref="BodyWalker"/> describes. Page count is unknown (null): Word
/// lays out pages when it opens a file; the file does not hold them.
/// </summary>
public sealed class DocxDocumentReader(DocxLimits limits) : IDocumentReader
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public DocxDocumentReader()
        : this(DocxLimits.Default)
    {
    }

    public SourceFormat Format => SourceFormat.Docx;

    public ReadResult Read(byte[] content)
    {
        if (content.AsSpan().StartsWith(OleMagic))
        {
            return ReadResult.Failure("an encrypted Word file or a legacy .doc, not a .docx; save it as an unprotected .docx");
        }

        try
        {
            var paragraphs = ReadParagraphs(content);
            return paragraphs.Count == 0
                ? ReadResult.Failure("no text (the Word document is empty)")
                : ReadResult.Success(new RawDocument(Format, paragraphs.ConvertAll(p => new RawParagraph(p)), Pages: null));
        }
        catch (DocxReadException e)
        {
            return ReadResult.Failure(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Readers never throw for bad input; whatever else the SDK, zip or XML layers raise becomes one line.
            return ReadResult.Failure($"unreadable Word document ({e.GetType().Name}: {PartXml.OneLine(e.Message)})");
        }
    }

    private List<string> ReadParagraphs(byte[] content)
    {
        using var package = DocxPackage.Open(content, limits);
        var styles = package.Styles is { } stylesPart
            ? StyleSheet.Parse(package.LoadXml(stylesPart))
            : StyleSheet.Empty;
        var numbering = package.Numbering is { } numberingPart
            ? NumberingDefinitions.Parse(package.LoadXml(numberingPart), styles)
            : NumberingDefinitions.Empty(styles);

        var walker = new BodyWalker(styles, numbering);
        var paragraphs = new List<string>();
        using var reader = package.OpenMainDocument();
        try
        {
            foreach (var block in BodyBlocks(reader))
            {
                walker.Block(block, paragraphs);
            }
        }
        catch (XmlException e)
        {
            throw PartXml.Damaged(package.MainDocument, e);
        }

        return paragraphs;
    }

    /// <summary>
    /// The children of w:body one at a time, so memory holds one block (a paragraph, a table) rather than
    /// the whole document tree.
    /// </summary>
    private static IEnumerable<XElement> BodyBlocks(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "body"
                || (reader.NamespaceURI != WordXml.W.NamespaceName && reader.NamespaceURI != WordXml.WStrict.NamespaceName))
            {
                continue;
            }

            if (reader.IsEmptyElement)
            {
                yield break;
            }

            reader.Read();
            while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    yield return XmlTree.ReadElement(reader);
                }
                else
                {
                    reader.Read();
                }
            }

            yield break;
        }
    }
}
