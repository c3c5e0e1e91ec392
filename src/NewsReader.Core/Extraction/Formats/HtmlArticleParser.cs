using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Reads a web page's main article: Readability (SmartReader) finds it among the navigation,
/// asides and comments, and the page's own metadata names it. When Readability finds nothing
/// the page's article or main element is read instead, provided it holds enough prose.
/// </summary>
public sealed partial class HtmlArticleParser : ISourceFormat
{
    public const string MediaType = "text/html";

    public string Name => "HTML";

    public IReadOnlyList<string> Extensions { get; } = [".html", ".htm", ".xhtml"];

    public IReadOnlyList<AnnouncedType> MediaTypes { get; } = [new(MediaType), new("application/xhtml+xml")];

    /// <summary>A doctype or html element first, or an XML declaration followed by one (XHTML).</summary>
    public bool Announces(string head) =>
        HtmlStart().IsMatch(head) || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && XhtmlRoot().IsMatch(head));

    ExtractionResult ISourceFormat.Parse(string text, Uri? address) => Parse(text, address);

    public const string NoArticle = "no article found in the HTML page";

    /// <summary>
    /// Less paragraph text than this is a navigation page or a stub, not an article. Counted in
    /// characters, not words, so that Japanese or Chinese prose without spaces counts fully.
    /// </summary>
    public const int MinParagraphCharacters = 120;

    /// <summary>Why a page nested deeper than <see cref="SourceLimits.MaxHtmlDepth"/> is not read.</summary>
    public static readonly string TooDeep = $"the page nests its elements more than {SourceLimits.MaxHtmlDepth} levels deep, which no article needs; it is not read";

    /// <summary>Why a page of more than <see cref="SourceLimits.MaxHtmlElements"/> elements is not read.</summary>
    public static readonly string TooManyElements = $"the page has more than {SourceLimits.MaxHtmlElements:N0} elements, more than any article needs; it is not read";

    public static ExtractionResult Parse(string html, Uri? address = null)
    {
        // Checked before any parse: AngleSharp's and Readability's cost grows with depth times size.
        switch (SourceLimits.Html(html, maxElements: SourceLimits.MaxHtmlElements))
        {
            case MarkupLimit.Depth: return ExtractionResult.Refuse(TooDeep);
            case MarkupLimit.Elements: return ExtractionResult.Refuse(TooManyElements);
        }
        // One parse serves the metadata and Readability; Readability rewrites the document, so
        // the rare fallback parses again. One parser a thread (files are parsed on several
        // threads, and AngleSharp promises no thread safety): a new one built its browsing
        // context and services for every page.
        var parser = pageParser ??= new HtmlParser();
        var document = parser.ParseDocument(html);
        var page = HtmlPageMetadata.Read(document);
        // Readability's content is trusted whenever it holds a story, even on a page it calls
        // not readable; the page's own <article> or <main> is read only when it holds more, so a
        // teaser in the first <article> never wins over the story.
        var found = Boilerplate.Remove(ReadabilityBlocks(document, page.Metadata.SourceUrl ?? address?.AbsoluteUri) ?? []);
        var blocks = IsArticle(found)
            ? found
            : new[] { found, Boilerplate.Remove(FallbackBlocks(parser.ParseDocument(html))) }.MaxBy(ParagraphCharacters)!;
        if (!IsArticle(blocks))
        {
            return ExtractionResult.Refuse(NoArticle);
        }
        var title = page.Title ?? blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text;
        var article = ArticleAssembler.Build(blocks, title, page.Metadata);
        return article is null ? ExtractionResult.Refuse(NoArticle) : ExtractionResult.Of(new ExtractedArticle(article, html, MediaType));
    }

    [ThreadStatic]
    private static HtmlParser? pageParser;

    private static IReadOnlyList<SourceBlock>? ReadabilityBlocks(IHtmlDocument document, string? url)
    {
        // The blocks are read from Readability's own element, where it left it: parsing its
        // serialised content (Article.Content) once more cost a quarter of a page's parse.
        IElement? content = null;
        var reader = new Reader(url ?? "https://localhost/", document).AddCustomOperationEnd(element => content = element);
        var article = reader.GetArticle();
        return content is not null && !string.IsNullOrWhiteSpace(article.Content) ? HtmlBlockReader.Read(content) : null;
    }

    private static IReadOnlyList<SourceBlock> FallbackBlocks(IHtmlDocument document)
    {
        foreach (var chrome in document.QuerySelectorAll("nav, header, footer, aside, [role=navigation], [role=complementary], .comments, #comments"))
        {
            chrome.Remove();
        }
        var root = document.QuerySelector("article") ?? document.QuerySelector("main, [role=main]") ?? document.Body;
        return root is null ? [] : HtmlBlockReader.Read(root);
    }

    private static bool IsArticle(IReadOnlyList<SourceBlock> blocks) => ParagraphCharacters(blocks) >= MinParagraphCharacters;

    private static int ParagraphCharacters(IReadOnlyList<SourceBlock> blocks) =>
        blocks.Where(b => b.Kind is BlockKind.Paragraph or BlockKind.Quote).Sum(b => b.Text.Length);

    [GeneratedRegex(@"<!DOCTYPE\s+html|<html[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex XhtmlRoot();

    [GeneratedRegex(@"^(?:<!DOCTYPE\s+html|<html[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();
}
