using Extraction.Model;

namespace Extraction.Readers;

/// <summary>Reads one document format. Readers never throw for bad input: they return a failure.</summary>
public interface IDocumentReader
{
    SourceFormat Format { get; }

    ReadResult Read(byte[] content);
}
