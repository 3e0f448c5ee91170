namespace Extraction.Readers.Docx;

/// <summary>
/// Reads at most <c>limit</c> bytes from a decompressing stream and then refuses, so a part whose zip
/// header understates its size (a zip bomb) cannot make the reader inflate it all.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string partName) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte more than allowed, so reaching exactly the limit is not mistaken for exceeding it.
        var allowed = (int)Math.Min(buffer.Length, limit - read + 1);
        var n = inner.Read(buffer[..allowed]);
        read += n;
        if (read > limit)
        {
            throw new DocxReadException(PartXml.TooLarge(partName, limit));
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
