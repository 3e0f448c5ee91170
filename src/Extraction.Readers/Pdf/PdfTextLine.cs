namespace Extraction.Readers.Pdf;

/// <summary>
/// One line of text as printed: its text with spacing already settled, where it starts and
/// ends, its baseline and its main font size. <paramref name="FirstWordWidth"/> is the width of
/// what opens the line and cannot be broken (a Chinese character with the punctuation that
/// must follow it, or a Latin word): had it fitted at the end of the line above, that line
/// ended its paragraph on purpose.
/// </summary>
public sealed record PdfTextLine(string Text, double Left, double Right, double Baseline, double Size, double FirstWordWidth)
{
    public double Width => Right - Left;

    /// <summary>A row of a ruled table: cells already joined; it is a paragraph of its own.</summary>
    public bool IsTableRow { get; init; }

    /// <summary>A recognised line: its words' mean OCR confidence and how many characters it is taken over; null for a text layer.</summary>
    public (double Mean, int Weight)? Confidence { get; init; }

    /// <summary>A line with a gap as wide as a column inside it: a row of columns aligned with spaces, a paragraph of its own.</summary>
    public bool IsAligned => !IsTableRow && Text.Contains("  ", StringComparison.Ordinal);
}

/// <summary>The lines of one page, top to bottom, and the page's vertical extent in the same frame.</summary>
public sealed record PdfPageLines(int Number, double Bottom, double Top, IReadOnlyList<PdfTextLine> Lines);
