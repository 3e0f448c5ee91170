using System.Xml;
using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>
/// Builds an element tree from a reader, refusing absurd nesting. XElement.Load takes time quadratic in
/// the depth of the XML (a few seconds at 20 000 levels, minutes beyond), so a hostile file could stall
/// the reader; Word's own documents stay far below the limit.
/// </summary>
internal static class XmlTree
{
    public const int MaxDepth = 256;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Reads the element the reader is on and leaves the reader on the node after it.</summary>
    public static XElement ReadElement(XmlReader reader)
    {
        var rootDepth = reader.Depth;
        var root = NewElement(reader);
        var empty = reader.IsEmptyElement;
        reader.Read();
        if (empty)
        {
            return root;
        }

        var current = root;
        while (!reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth - rootDepth > MaxDepth)
                    {
                        throw new DocxReadException($"damaged Word document: XML nested more than {MaxDepth} levels deep");
                    }

                    var child = NewElement(reader);
                    current.Add(child);
                    if (!reader.IsEmptyElement)
                    {
                        current = child;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (current == root)
                    {
                        reader.Read();
                        return root;
                    }

                    current = current.Parent!;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    current.Add(new XText(reader.Value));
                    break;
            }

            reader.Read();
        }

        // Only reachable if the reader stops without reporting the missing end tags.
        throw new XmlException("unexpected end of XML");
    }

    private static XElement NewElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                // Prefixes are resolved by the reader; the declarations themselves are not needed.
                if (reader.NamespaceURI != XmlnsNamespace)
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return element;
    }
}
