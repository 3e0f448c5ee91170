using System.Buffers.Binary;
using System.Text;

namespace Extraction.Tests.Readers;

/// <summary>
/// Writes the smallest valid OLE compound file ([MS-CFB] version 3, 512-byte sectors) holding
/// the given streams: a header, one FAT sector, one directory sector, then each stream in
/// sectors of its own. Streams are padded to 4 KB, so none lives in the mini stream.
/// </summary>
public static class CompoundFileBuilder
{
    private const int Sector = 512;
    private const uint Free = 0xFFFFFFFF, EndOfChain = 0xFFFFFFFE, FatSector = 0xFFFFFFFD, NoStream = 0xFFFFFFFF;

    /// <summary>A Word 97 file information block: its magic number and the flags word (0x0100 is fEncrypted).</summary>
    public static byte[] WordFib(ushort flags)
    {
        var fib = new byte[4096];
        BinaryPrimitives.WriteUInt16LittleEndian(fib, 0xA5EC);
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(2), 0x00C1);
        BinaryPrimitives.WriteUInt16LittleEndian(fib.AsSpan(0x0A), flags);
        return fib;
    }

    public static byte[] Build(params (string Name, byte[] Data)[] streams)
    {
        if (streams.Length > 3)
        {
            throw new ArgumentException("one directory sector holds the root and three streams", nameof(streams));
        }

        var padded = streams.Select(s => (s.Name, Data: Pad(s.Data))).ToList();
        var fat = Enumerable.Repeat(Free, Sector / 4).ToArray();
        fat[0] = FatSector;
        fat[1] = EndOfChain;
        var next = 2u;
        var starts = new List<uint>();
        foreach (var (_, data) in padded)
        {
            starts.Add(next);
            var count = (uint)(data.Length / Sector);
            for (var i = 0u; i < count; i++)
            {
                fat[next + i] = i == count - 1 ? EndOfChain : next + i + 1;
            }

            next += count;
        }

        var file = new byte[Sector * (next + 1)];
        WriteHeader(file);
        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(Sector + (4 * i)), fat[i]);
        }

        var directory = file.AsSpan(Sector * 2, Sector);
        WriteEntry(directory[..128], "Root Entry", type: 5, child: padded.Count > 0 ? 1u : NoStream, right: NoStream, start: EndOfChain, size: 0);
        for (var i = 0; i < padded.Count; i++)
        {
            var right = i + 1 < padded.Count ? (uint)(i + 2) : NoStream;
            WriteEntry(directory.Slice(128 * (i + 1), 128), padded[i].Name, type: 2, child: NoStream, right: right, start: starts[i], size: (uint)padded[i].Data.Length);
            padded[i].Data.CopyTo(file.AsSpan((int)(Sector * (starts[i] + 1))));
        }

        return file;
    }

    private static void WriteHeader(byte[] file)
    {
        var header = file.AsSpan(0, Sector);
        ((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (4 * i))..], i == 0 ? 0 : Free);
        }
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type, uint child, uint right, uint start, uint size)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        nameBytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(nameBytes.Length + 2));
        entry[0x42] = type;
        entry[0x43] = 1; // black, as a tree of siblings to the right may be
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], NoStream);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], size);
    }

    private static byte[] Pad(byte[] data)
    {
        var length = Math.Max(4096, (data.Length + Sector - 1) / Sector * Sector);
        var padded = new byte[length];
        data.CopyTo(padded, 0);
        return padded;
    }
}
