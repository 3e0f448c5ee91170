using System.Buffers.Binary;
using System.Text;

namespace Extraction.Readers.Office;

/// <summary>
/// The directory of an OLE compound file ([MS-CFB]), the container of Word 97–2003 (.doc), WPS
/// Writer (.wps), Excel (.xls) and password-protected Office files: which streams it holds,
/// and the first sector of one. Enough to tell those apart before anything converts the file;
/// every chain is bounded by the file's own sector count, so a damaged file cannot loop.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int HeaderSize = 512;
    private const int DirectoryEntrySize = 128;
    private const int HeaderDifatEntries = 109;
    private const byte StreamObject = 2;

    private readonly byte[] content;
    private readonly int sectorSize;
    private readonly Dictionary<string, (uint Start, long Size)> streams;

    private CompoundFile(byte[] content, int sectorSize, Dictionary<string, (uint, long)> streams)
    {
        this.content = content;
        this.sectorSize = sectorSize;
        this.streams = streams;
    }

    /// <summary>The streams of the file, or null when its header or directory is damaged.</summary>
    public static CompoundFile? Open(byte[] content)
    {
        if (content.Length < HeaderSize)
        {
            return null;
        }

        var header = content.AsSpan(0, HeaderSize);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        if (sectorShift is not (9 or 12))
        {
            return null;
        }

        var sectorSize = 1 << sectorShift;
        var sectors = (uint)((content.Length - HeaderSize + sectorSize - 1) / sectorSize);
        var fat = ReadFat(content, header, sectorSize, sectors);
        if (fat is null)
        {
            return null;
        }

        var streams = new Dictionary<string, (uint, long)>(StringComparer.OrdinalIgnoreCase);
        var visited = 0u;
        for (var sector = BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]); sector != EndOfChain; sector = fat[sector])
        {
            if (sector >= sectors || sector >= fat.Length || ++visited > sectors)
            {
                return null;
            }

            var offset = HeaderSize + ((long)sector * sectorSize);
            for (var entry = 0; entry + DirectoryEntrySize <= sectorSize && offset + entry + DirectoryEntrySize <= content.Length; entry += DirectoryEntrySize)
            {
                var raw = content.AsSpan((int)(offset + entry), DirectoryEntrySize);
                var nameBytes = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(raw[0x40..]) - 2, 0, 62);
                if (raw[0x42] == StreamObject && nameBytes > 0)
                {
                    var name = Encoding.Unicode.GetString(raw[..nameBytes]);
                    streams.TryAdd(name, (BinaryPrimitives.ReadUInt32LittleEndian(raw[0x74..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(raw[0x78..])));
                }
            }
        }

        return new CompoundFile(content, sectorSize, streams);
    }

    public bool Has(string stream) => streams.ContainsKey(stream);

    /// <summary>
    /// The first sector of a stream, or empty when it is not held in the file's own sectors:
    /// a stream under 4 KB lives in the mini stream, which no caller here needs.
    /// </summary>
    public ReadOnlySpan<byte> FirstSector(string stream)
    {
        const long MiniStreamCutoff = 4096;
        if (!streams.TryGetValue(stream, out var found) || found.Size < MiniStreamCutoff)
        {
            return [];
        }

        var offset = HeaderSize + ((long)found.Start * sectorSize);
        return offset + sectorSize <= content.Length ? content.AsSpan((int)offset, sectorSize) : [];
    }

    /// <summary>
    /// The sector allocation table: its sectors are listed first in the header (109 of them)
    /// and then in a chain of DIFAT sectors, each ending with the next one's number.
    /// </summary>
    private static uint[]? ReadFat(byte[] content, ReadOnlySpan<byte> header, int sectorSize, uint sectors)
    {
        // FAT sectors past those the file's size needs would describe sectors it does not have;
        // they are not read, so a header claiming millions costs nothing.
        var perSector = sectorSize / 4;
        var fatSectors = Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]), (sectors / (uint)perSector) + 1);
        if (fatSectors == 0)
        {
            return null;
        }

        var locations = new List<uint>();
        for (var i = 0; i < HeaderDifatEntries && locations.Count < fatSectors; i++)
        {
            locations.Add(BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + (4 * i))..]));
        }

        for (var (difat, steps) = (BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]), 0u); locations.Count < fatSectors; steps++)
        {
            if (difat >= sectors || steps > sectors)
            {
                return null;
            }

            var offset = HeaderSize + ((long)difat * sectorSize);
            if (offset + sectorSize > content.Length)
            {
                return null;
            }

            for (var i = 0; i < perSector - 1 && locations.Count < fatSectors; i++)
            {
                locations.Add(BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan((int)(offset + (4 * i)))));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan((int)(offset + sectorSize - 4)));
        }

        var fat = new uint[locations.Count * perSector];
        for (var i = 0; i < locations.Count; i++)
        {
            var offset = HeaderSize + ((long)locations[i] * sectorSize);
            if (locations[i] >= sectors || offset + sectorSize > content.Length)
            {
                return null;
            }

            for (var j = 0; j < perSector; j++)
            {
                fat[(i * perSector) + j] = BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan((int)(offset + (4 * j))));
            }
        }

        return fat;
    }
}
