using System.IO.Packaging;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace Extraction.Readers.Docx;

/// <summary>
/// A .docx as the Open XML SDK opens it: the SDK reads the package (content types, relationships) and
/// locates the main document, styles and numbering parts. Their XML is read here, through
/// <see cref="PartXml"/> and <see cref="XmlTree"/>, because the SDK's typed DOM has no depth limit and its
/// size limit counts only what it parses; this way every part is bounded in bytes and depth and refused if
/// it has a DTD. Headers, footers and notes are separate parts and are never read.
/// </summary>
internal sealed class DocxPackage : IDisposable
{
    private readonly Package? package;
    private readonly WordprocessingDocument document;
    private readonly MainDocumentPart main;
    private readonly PackageGuard guard;
    private readonly DocxLimits limits;

    private DocxPackage(Package? package, WordprocessingDocument document, MainDocumentPart main, PackageGuard guard, DocxLimits limits)
    {
        this.package = package;
        this.document = document;
        this.main = main;
        this.guard = guard;
        this.limits = limits;
        Styles = main.StyleDefinitionsPart;
        Numbering = main.NumberingDefinitionsPart;
    }

    public string MainDocument => Name(main);

    public StyleDefinitionsPart? Styles { get; }

    public NumberingDefinitionsPart? Numbering { get; }

    public static DocxPackage Open(byte[] content, DocxLimits limits)
    {
        var guard = PackageGuard.Check(content, limits);
        try
        {
            return SdkOpen.Open(content, limits, (package, document, main) => new DocxPackage(package, document, main, guard, limits));
        }
        catch (Exception e) when (SdkOpen.Explain(e) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The root element of a whole (small) part.</summary>
    public XElement LoadXml(OpenXmlPart part)
    {
        using var reader = OpenXml(part, limits.OtherPartBytes);
        try
        {
            return reader.MoveToContent() == XmlNodeType.Element ? XmlTree.ReadElement(reader) : throw new XmlException("no root element");
        }
        catch (XmlException e)
        {
            throw PartXml.Damaged(Name(part), e);
        }
    }

    /// <summary>A streaming reader over the main document, so that only one block is in memory at a time.</summary>
    public XmlReader OpenMainDocument() => OpenXml(main, limits.MainDocumentBytes);

    public void Dispose()
    {
        // A package handed to the SDK stays its caller's to close.
        document.Dispose();
        package?.Close();
    }

    private static string Name(OpenXmlPart part) => PackageGuard.PartName(part.Uri.OriginalString);

    private XmlReader OpenXml(OpenXmlPart part, long limit)
    {
        var name = Name(part);
        if (guard.DeclaredSize(name) > limit)
        {
            throw new DocxReadException(PartXml.TooLarge(name, limit));
        }

        return PartXml.Open(() => OpenPart(part, name), name, limit);
    }

    private static Stream OpenPart(OpenXmlPart part, string name)
    {
        try
        {
            return part.GetStream(FileMode.Open, FileAccess.Read);
        }
        catch (InvalidDataException)
        {
            throw new DocxReadException($"damaged Word document: {name} cannot be decompressed");
        }
    }
}
