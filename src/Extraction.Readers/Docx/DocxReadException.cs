namespace Extraction.Readers.Docx;

/// <summary>A known reason why a .docx cannot be read; its message is the one-line failure shown to the user.</summary>
internal sealed class DocxReadException(string message) : Exception(message);
