using System.IO.Compression;

namespace Extraction.Readers.Docx;

/// <summary>
/// A cheap first look at the zip before the Open XML SDK opens it. The SDK (through System.IO.Packaging)
/// reads [Content_Types].xml and the .rels parts itself, whole and with no size limit of its own, so those
/// are held to the part limit by their declared size and refused if they carry a DTD. .NET's zip reader
/// never inflates an entry past its declared size, which makes that size a real bound on what the SDK
/// reads. The declared sizes of all entries are kept, so a part the SDK locates can be refused before any
/// of it is inflated.
/// </summary>
internal sealed class PackageGuard
{
    private readonly Dictionary<string, long> declaredSizes;

    private PackageGuard(Dictionary<string, long> declaredSizes) => this.declaredSizes = declaredSizes;

    public static PackageGuard Check(byte[] content, DocxLimits limits)
    {
        using var zip = OpenZip(content, out var entries);
        var sizes = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var name = PartName(entry.FullName);

            // Part names are case-insensitive in OPC; the first of two clashing names is the one kept.
            sizes.TryAdd(name, entry.Length);
            if (!IsPackageStructure(name))
            {
                continue;
            }

            if (entry.Length > limits.OtherPartBytes)
            {
                throw new DocxReadException(PartXml.TooLarge(name, limits.OtherPartBytes));
            }

            PartXml.RefuseDtd(() => OpenEntry(entry, name), name);
        }

        return new PackageGuard(sizes);
    }

    /// <summary>The size the zip declares for a part ("word/document.xml"), or null if it has no such entry.</summary>
    public long? DeclaredSize(string partName) => declaredSizes.TryGetValue(partName, out var size) ? size : null;

    public static string PartName(string zipOrUriName) => zipOrUriName.Replace('\\', '/').TrimStart('/');

    private static bool IsPackageStructure(string name) =>
        name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static ZipArchive OpenZip(byte[] content, out IReadOnlyList<ZipArchiveEntry> entries)
    {
        ZipArchive? zip = null;
        try
        {
            zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);

            // The central directory is read on first use of Entries; a broken one fails here.
            entries = zip.Entries;
            return zip;
        }
        catch (InvalidDataException)
        {
            zip?.Dispose();
            throw new DocxReadException(PartXml.NotAPackage);
        }
    }

    private static Stream OpenEntry(ZipArchiveEntry entry, string name)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException)
        {
            throw new DocxReadException($"damaged Word document: {name} cannot be decompressed");
        }
    }
}
