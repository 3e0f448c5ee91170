using System.Text;
using System.Xml;

namespace Extraction.Readers.Docx;

/// <summary>
/// Opens the XML of one package part for reading with the reader's own guards: at most a set number of
/// bytes is inflated, DTDs are refused and no external resource is resolved. Used for the parts the reader
/// parses and, as a first look, for the package's own XML before the Open XML SDK reads it.
/// </summary>
internal static class PartXml
{
    public const string NotAPackage = "not a Word document: the file is not a valid .docx (zip) package";

    private const int PrologBytes = 4096;

    public static string TooLarge(string part, long limit) =>
        $"{part} is too large (over {(limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB")} uncompressed; zip bomb?)";

    public static DocxReadException Damaged(string part, XmlException e) =>
        new($"damaged Word document: {part} is not well-formed XML (line {e.LineNumber})");

    /// <summary>
    /// A streaming reader over a part. <paramref name="open"/> is called twice, once for the prolog check
    /// and once for the reader; each call must return a fresh stream from the start of the part.
    /// </summary>
    public static XmlReader Open(Func<Stream> open, string part, long limit)
    {
        RefuseDtd(open, part);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new BoundedReadStream(open(), limit, part), settings);
    }

    /// <summary>
    /// Word never writes a DTD; one in a part is an entity-expansion attack ("billion laughs"). The XML
    /// readers would refuse it anyway, but looking at the prolog first gives the user the real reason.
    /// </summary>
    public static void RefuseDtd(Func<Stream> open, string part)
    {
        var head = new byte[PrologBytes];
        int length;
        using (var stream = open())
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        // Dropping NUL bytes makes UTF-16 prologs comparable as ASCII too.
        var ascii = new StringBuilder(length);
        foreach (var b in head.AsSpan(0, length))
        {
            if (b != 0)
            {
                ascii.Append((char)b);
            }
        }

        if (ascii.ToString().Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            throw new DocxReadException($"XML with a DTD (entity expansion) refused in {part}");
        }
    }

    public static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
