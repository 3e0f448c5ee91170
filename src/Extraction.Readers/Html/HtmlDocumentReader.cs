using AngleSharp.Html.Parser;
using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Readers.Html;

/// <summary>
/// Reads a bulletin published as a web page: decodes it by its declared or sniffed charset,
/// strips code, hidden elements and site furniture, locates the article and gives its
/// paragraphs (table rows as cell texts joined by " | "), headline first when the page
/// prints it above the article. The page's publication record (发布时间 …), wherever it
/// stands, comes first as a metadata paragraph: the bulletin's date when it prints none.
/// How a site names its parts, and which lines are furniture, are rules (web.yaml).
/// </summary>
public sealed class HtmlDocumentReader(RuleSet rules) : IDocumentReader
{
    private readonly PageNames names = new(rules.Page);

    /// <summary>Below this many letters and digits, what is left is page furniture, not an article.</summary>
    private const int MinArticleChars = 10;

    public SourceFormat Format => SourceFormat.Html;

    public ReadResult Read(byte[] content)
    {
        // A NUL byte is damage, not text; the parser would keep it as U+FFFD.
        var html = NestingLimiter.Limit(HtmlCharset.Decode(content, out _).Replace("\0", "", StringComparison.Ordinal));
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

        var record = PublicationRecord(body);
        PageCleaner.RemoveFurniture(body, stats, names);
        stats = TextStats.Measure(body);
        var article = ContentLocator.Locate(body, stats, names);
        var paragraphs = LineCleaner.Clean(BlockFlattener.Flatten(article), IsFurniture).ToList();

        // A lead set just before the article, outside it (导语), is the article's first paragraph.
        if (Lead(article) is { } lead)
        {
            paragraphs.InsertRange(0, LineCleaner.Clean(BlockFlattener.Flatten(lead), IsFurniture));
        }
        if (paragraphs.Sum(TextStats.CountContent) < MinArticleChars)
        {
            return ReadResult.Failure("no article text found (only navigation, links or page furniture)");
        }

        if (TitleFinder.Find(article, body, stats, pageTitle, names) is { } headline && !StartsWithHeadline(paragraphs, headline))
        {
            paragraphs.InsertRange(0, LineCleaner.Mend(headline));
        }

        RawParagraph[] metadata = record is null ? [] : [new RawParagraph(record, IsPageMetadata: true)];
        return ReadResult.Success(new RawDocument(Format, [.. metadata, .. paragraphs.Select(p => new RawParagraph(p))], Pages: null));
    }

    /// <summary>The lead-named element among the few just before the article, or null.</summary>
    private AngleSharp.Dom.IElement? Lead(AngleSharp.Dom.IElement article)
    {
        const int MaxSiblings = 3;
        var sibling = article.PreviousElementSibling;
        for (var i = 0; sibling is not null && i < MaxSiblings; i++, sibling = sibling.PreviousElementSibling)
        {
            if (names.IsLead(sibling))
            {
                return sibling;
            }
        }

        return null;
    }

    /// <summary>The first line of the page that records when it was published, before furniture is removed with it.</summary>
    private string? PublicationRecord(AngleSharp.Dom.IElement body) =>
        BlockFlattener.Flatten(body)
            .SelectMany(line => LineCleaner.Mend(line.Text))
            .FirstOrDefault(line => Furniture(line)?.Meaning == FurnitureMeaning.PublishedDate);

    private FurnitureRule? Furniture(string line)
    {
        var folded = rules.Folding.Fold(line);
        return rules.Furniture.FirstOrDefault(f => f.Matches(folded));
    }

    private bool IsFurniture(string line) => Furniture(line) is not null;

    /// <summary>True when the article repeats the headline in its first lines, however it is broken or spaced.</summary>
    private static bool StartsWithHeadline(List<string> paragraphs, string headline) =>
        TitleFinder.Squeeze(string.Concat(paragraphs.Take(15))).Contains(TitleFinder.Squeeze(headline), StringComparison.Ordinal);
}
