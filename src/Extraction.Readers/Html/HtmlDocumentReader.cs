using AngleSharp.Html.Parser;
using Extraction.Model;

namespace Extraction.Readers.Html;

/// <summary>
/// Reads a bulletin published as a web page: decodes it by its declared or sniffed charset,
/// strips code, hidden elements and site furniture, locates the article and gives its
/// paragraphs (table rows as cell texts joined by " | "), headline first when the page
/// prints it above the article.
/// </summary>
public sealed class HtmlDocumentReader : IDocumentReader
{
    /// <summary>Below this many letters and digits, what is left is page furniture, not an article.</summary>
    private const int MinArticleChars = 10;

    public SourceFormat Format => SourceFormat.Html;

    public ReadResult Read(byte[] content)
    {
        // A NUL byte is damage, not text; the parser would keep it as U+FFFD.
        var html = HtmlCharset.Decode(content, out _).Replace("\0", "", StringComparison.Ordinal);
        var document = new HtmlParser(new HtmlParserOptions { SkipComments = true }).ParseDocument(html);
        if (document.Body is not { } body || body.LocalName != "body")
        {
            return ReadResult.Failure(document.QuerySelector("frameset") is null ? "no page body" : "a frameset page: the article is in another file");
        }

        var pageTitle = document.Title;
        PageCleaner.RemoveJunk(body);
        var stats = TextStats.Measure(body);
        if (stats.Text(body) + stats.Link(body) == 0)
        {
            return ReadResult.Failure("empty page (no text in the body)");
        }

        PageCleaner.RemoveFurniture(body, stats);
        stats = TextStats.Measure(body);
        var article = ContentLocator.Locate(body, stats);
        var paragraphs = LineCleaner.Clean(BlockFlattener.Flatten(article)).ToList();
        if (paragraphs.Sum(TextStats.CountContent) < MinArticleChars)
        {
            return ReadResult.Failure("no article text found (only navigation, links or page furniture)");
        }

        if (TitleFinder.Find(article, body, stats, pageTitle) is { } headline && !StartsWithHeadline(paragraphs, headline))
        {
            paragraphs.InsertRange(0, LineCleaner.Mend(headline));
        }

        return ReadResult.Success(new RawDocument(Format, [.. paragraphs.Select(p => new RawParagraph(p))], Pages: null));
    }

    /// <summary>True when the article repeats the headline in its first lines, however it is broken or spaced.</summary>
    private static bool StartsWithHeadline(List<string> paragraphs, string headline) =>
        TitleFinder.Squeeze(string.Concat(paragraphs.Take(15))).Contains(TitleFinder.Squeeze(headline), StringComparison.Ordinal);
}
