namespace NewsReader.Web.Feeds;

/// <summary>
/// A subscription: where the feed is, what its last answer said (cache validators, error), and
/// when it is next due. `PollingSince` is the claim that keeps one feed from being polled twice at once.
/// </summary>
public sealed class Feed
{
    public int Id { get; set; }
    /// <summary>The feed's address, canonical form.</summary>
    public required string Url { get; set; }
    public required string Title { get; set; }
    /// <summary>The site the feed belongs to, when it names one.</summary>
    public string? SiteUrl { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    /// <summary>SHA-256 of the last body stored whole, so a server without validators costs a hash, not a parse.</summary>
    public string? ContentHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastFetched { get; set; }
    /// <summary>Why the last poll failed, for the feed list; null after a good poll.</summary>
    public string? LastError { get; set; }
    /// <summary>Polls failed in a row: the exponent of the back-off.</summary>
    public int ErrorCount { get; set; }
    public DateTime NextPollAt { get; set; }
    public DateTime? PollingSince { get; set; }
    /// <summary>Marked by an administrator: its items are in every reader's library, anonymous visitors' too.</summary>
    public bool Shared { get; set; }
    public List<FeedItem> Items { get; set; } = [];
}

/// <summary>One item of a feed as last seen, and the article it went to.</summary>
public sealed class FeedItem
{
    public int Id { get; set; }
    public int FeedId { get; set; }
    /// <summary>The item's GUID or Atom id, else its link.</summary>
    public required string ItemKey { get; set; }
    /// <summary>SHA-256 of the item's XML: the same item again is not fetched or stored again.</summary>
    public required string ContentHash { get; set; }
    public int ArticleId { get; set; }
    public DateTime SeenAt { get; set; }
    /// <summary>Why the item's page could not be fetched the last time it was tried, for the feed list; null when it was, or when none was needed.</summary>
    public string? Error { get; set; }
    public DateTime? ErrorAt { get; set; }
    /// <summary>Page fetches failed in a row: the exponent of the retry's back-off.</summary>
    public int Attempts { get; set; }
    /// <summary>When the page is tried again for the full text; null when nothing is pending.</summary>
    public DateTime? RetryAt { get; set; }
}
