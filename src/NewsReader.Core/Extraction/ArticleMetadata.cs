namespace NewsReader.Core.Extraction;

/// <summary>
/// What a source says about an article besides its text: where it came from, who wrote it,
/// when and in which language. Every field is optional; parsers fill what their format holds.
/// </summary>
public sealed record ArticleMetadata
{
    public static ArticleMetadata None { get; } = new();

    /// <summary>The article's canonical address (a page's canonical link, a feed item's link, front matter `url`).</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The publication's name ("Reuters", front matter `source`, a page's og:site_name).</summary>
    public string? SiteName { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>A BCP 47 language tag as the source gives it ("en", "ja-JP").</summary>
    public string? Language { get; init; }

    /// <summary>Subject tags the source gives (front matter `tags`, feed categories).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
