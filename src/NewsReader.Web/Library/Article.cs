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
    public List<ArticleRevision> Revisions { get; set; } = [];
}
