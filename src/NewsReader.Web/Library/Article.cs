namespace NewsReader.Web.Library;

/// <summary>
/// An article as readers know it: a stable slug over a history of revisions. The source key
/// (its canonical URL when it has one, else the file it came from) decides whether incoming
/// content is a new article or a new revision.
/// </summary>
public sealed class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string SourceKey { get; set; }
    /// <summary>The article's canonical address on the web, when its source names one.</summary>
    public string? SourceUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// What the list sorts on: the current revision's published date, else when the article was
    /// first ingested. Kept here, beside the id, so a page of the list is an index range.
    /// </summary>
    public DateTime ListedAt { get; set; }
    /// <summary>In the shared collection: ingested by the administrator from files, uploads or seeds.</summary>
    public bool Shared { get; set; }
    public List<ArticleRevision> Revisions { get; set; } = [];
}
