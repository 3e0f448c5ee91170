using System.Text;

namespace Extraction.Readers.Docx;

/// <summary>
/// Complex fields (w:fldChar begin … separate … end): the instruction between begin and separate is
/// code (" PAGE \* MERGEFORMAT ") and is not text; the result after separate is what the reader sees and
/// is kept. Fields nest, and a result may span paragraphs (a table of contents), so the state lives for
/// the whole body. A TOC field's result repeats the headings and is left out.
/// </summary>
internal sealed class FieldTracker
{
    private const int MaxDepth = 64;
    private const int MaxInstruction = 64;

    private readonly List<Field> open = [];

    /// <summary>Whether text at this point is shown: outside fields, or in the result of every open field.</summary>
    public bool ShowsText => open.TrueForAll(f => f.InResult && !f.Suppressed);

    public void Begin()
    {
        // Past the depth limit a begin is ignored, and so is its end (see End): hostile input stays bounded.
        if (open.Count < MaxDepth)
        {
            open.Add(new Field());
        }
    }

    public void Instruction(string text)
    {
        if (open.Count > 0 && !open[^1].InResult && open[^1].Code.Length < MaxInstruction)
        {
            open[^1].Code.Append(text);
        }
    }

    public void Separate()
    {
        if (open.Count > 0 && !open[^1].InResult)
        {
            open[^1].InResult = true;
            open[^1].Suppressed = IsTableOfContents(open[^1].Code.ToString());
        }
    }

    public void End()
    {
        if (open.Count > 0)
        {
            open.RemoveAt(open.Count - 1);
        }
    }

    /// <summary>
    /// An instruction does not run past its paragraph; a field still in its instruction there is damaged
    /// (no separate, no end) and is closed, so it cannot hide the rest of the document.
    /// </summary>
    public void EndParagraph()
    {
        while (open.Count > 0 && !open[^1].InResult)
        {
            open.RemoveAt(open.Count - 1);
        }
    }

    public static bool IsTableOfContents(string? instruction) =>
        instruction is not null && instruction.TrimStart().StartsWith("TOC", StringComparison.OrdinalIgnoreCase);

    private sealed class Field
    {
        public StringBuilder Code { get; } = new();

        public bool InResult { get; set; }

        public bool Suppressed { get; set; }
    }
}
