namespace Extraction.Readers.Html;

/// <summary>One line of a page's text and the share of it that was link text (0 to 1).</summary>
internal sealed record HtmlLine(string Text, double LinkDensity);
