namespace NewsReader.Core.Extraction;

/// <summary>
/// The one entry point from a source file to articles: decodes the bytes, recognises the
/// format (by extension and by sniffing the content) and hands the text to its parser.
/// </summary>
public static class ArticleExtractor
{
    /// <summary>The articles in <paramref name="bytes"/>, read from a file named <paramref name="fileName"/>.</summary>
    public static ExtractionResult Extract(ReadOnlySpan<byte> bytes, string fileName)
    {
        var decoded = SourceDecoder.Decode(bytes);
        if (decoded.Refusal is not null)
        {
            return ExtractionResult.Refuse(decoded.Refusal);
        }
        var text = decoded.Text!;
        return SourceFormatDetector.Detect(fileName, text) switch
        {
            SourceFormat.Markdown => MarkdownArticleParser.Parse(text),
            SourceFormat.Html => HtmlArticleParser.Parse(text),
            SourceFormat.Feed => FeedParser.Parse(text),
            _ => PlainText(text),
        };
    }

    private static ExtractionResult PlainText(string text) =>
        PlainTextArticleParser.Parse(text) is { } article
            ? ExtractionResult.Of(new ExtractedArticle(article, text, "text/plain"))
            : ExtractionResult.Refuse("no text, only white space");
}
