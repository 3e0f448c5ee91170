using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Extraction.Readers.Docx;

/// <summary>
/// How the Open XML SDK is asked to open a .docx, and what its failures mean to the user.
/// </summary>
/// <remarks>
/// SDK 3.x opens a read-only stream by first copying it to a temporary file, so that it can rewrite
/// relationship targets .NET cannot parse as URIs (a hyperlink to "mailto:person@"); 3.x removed
/// OpenSettings.RelationshipErrorHandlerFactory in favour of this. A reader should not need a writable
/// temporary folder for every file, so the package is opened in memory first, and only a package that
/// fails on a malformed target is opened again from a stream to let the SDK repair it.
/// </remarks>
internal static class SdkOpen
{
    public static T Open<T>(byte[] content, DocxLimits limits, Func<Package?, WordprocessingDocument, MainDocumentPart, T> locate)
    {
        try
        {
            return Open(content, limits, locate, fromStream: false);
        }
        catch (OpenXmlPackageException e) when (e.InnerException is UriFormatException)
        {
            try
            {
                return Open(content, limits, locate, fromStream: true);
            }
            catch (Exception io) when (io is IOException or UnauthorizedAccessException)
            {
                throw new DocxReadException($"cannot read this .docx: it has a malformed link, and the Open XML SDK needs a writable temporary folder to repair it ({PartXml.OneLine(io.Message)})");
            }
        }
    }

    /// <summary>The one-line failure for an exception the SDK or System.IO.Packaging raised, or null if it is not theirs.</summary>
    public static DocxReadException? Explain(Exception e) => e switch
    {
        // Left after the repair above only for an internal part's target, which cannot be read around.
        OpenXmlPackageException { InnerException: UriFormatException uri } =>
            new($"damaged Word document: a relationship target is not a valid URI ({PartXml.OneLine(uri.Message)})"),
        OpenXmlPackageException => new($"{PartXml.NotAPackage} ({PartXml.OneLine(e.Message)})"),
        FileFormatException or InvalidDataException => new(PartXml.NotAPackage),

        // Raised while the SDK reads [Content_Types].xml or relationships: bad XML, a duplicate
        // relationship id, a relationship to a part the package lacks.
        XmlException or InvalidOperationException =>
            new($"damaged Word document: the package's content types or relationships are invalid ({PartXml.OneLine(e.Message)})"),
        _ => null,
    };

    private static T Open<T>(byte[] content, DocxLimits limits, Func<Package?, WordprocessingDocument, MainDocumentPart, T> locate, bool fromStream)
    {
        var settings = new OpenSettings
        {
            AutoSave = false,

            // Inert while the reader parses parts itself; a guard should anything load the typed DOM.
            MaxCharactersInPart = Math.Max(limits.MainDocumentBytes, limits.OtherPartBytes),
        };
        Package? package = null;
        WordprocessingDocument? document = null;
        try
        {
            if (fromStream)
            {
                document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false, settings);
            }
            else
            {
                package = Package.Open(new MemoryStream(content, writable: false), FileMode.Open, FileAccess.Read);
                document = WordprocessingDocument.Open(package, settings);
            }

            var main = document.MainDocumentPart ?? throw new DocxReadException("not a Word document: the package has no main document part");
            return locate(package, document, main);
        }
        catch
        {
            document?.Dispose();
            package?.Close();
            throw;
        }
    }
}
