namespace NewsReader.Core.Extraction;

/// <summary>
/// One article found in a source document, with the part of the source it came from.
/// </summary>
/// <param name="Article">The parsed article.</param>
/// <param name="RawSource">The original text it was made from, kept as is: the whole file, or one feed item's XML.</param>
/// <param name="SourceFormat">The media type of the source: text/plain, text/markdown, text/html, application/rss+xml, application/atom+xml.</param>
/// <param name="ItemKey">A feed item's id (GUID, Atom id, else its link) that tells items of one feed apart; null for single-article files.</param>
public sealed record ExtractedArticle(ParsedArticle Article, string RawSource, string SourceFormat, string? ItemKey = null);

/// <summary>
/// What extraction made of one source document: its articles, or why it holds none. A
/// refused document yields no article at all, so nothing of it is half-stored.
/// </summary>
public sealed record ExtractionResult(IReadOnlyList<ExtractedArticle> Articles, string? Refusal)
{
    /// <summary>What a feed says of itself; set for every document whose root is a feed, with or without items.</summary>
    public FeedChannel? Feed { get; init; }

    /// <summary>Set when the document is a feed that cannot be read (cut short, broken, declaring entities), so it is not mistaken for something that is no feed.</summary>
    public bool BrokenFeed { get; init; }

    /// <summary>
    /// Set when a feed was cut short (a file or a download that stopped mid-item): its articles
    /// are the items complete before the cut, and this says so. Null for a whole document.
    /// </summary>
    public string? Truncation { get; init; }

    public static ExtractionResult Refuse(string reason) => new([], reason);

    public static ExtractionResult Broken(string reason) => new([], reason) { BrokenFeed = true };

    public static ExtractionResult Of(params ExtractedArticle[] articles) => new(articles, null);
}

/// <summary>A feed's own title and the link to its site, as its channel (RSS) or feed element (Atom) gives them.</summary>
public sealed record FeedChannel(string? Title, string? SiteUrl);
