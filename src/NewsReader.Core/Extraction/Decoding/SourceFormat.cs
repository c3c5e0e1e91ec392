namespace NewsReader.Core.Extraction.Decoding;

/// <summary>The kinds of source document ArticleExtractor reads.</summary>
public enum SourceFormat
{
    PlainText,
    Markdown,
    Html,
    /// <summary>An RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom feed: one article per item.</summary>
    Feed,
}
