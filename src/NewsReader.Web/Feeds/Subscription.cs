namespace NewsReader.Web.Feeds;

/// <summary>
/// A reader following a feed. The feed itself (and its polling) is stored once however many
/// follow it; the title and folder here are this reader's own.
/// </summary>
public sealed class Subscription
{
    public required string UserId { get; set; }
    public int FeedId { get; set; }
    /// <summary>The reader's name for the feed; null shows the feed's own title.</summary>
    public string? Title { get; set; }
    /// <summary>The reader's folder for the feed; null for none.</summary>
    public string? Folder { get; set; }
    public DateTime CreatedAt { get; set; }
}
