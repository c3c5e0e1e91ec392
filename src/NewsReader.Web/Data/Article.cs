namespace NewsReader.Web.Data;

/// <summary>
/// An article as readers know it: a stable slug over a history of revisions. The source key
/// (the file it came from) decides whether a file is a new article or a new revision.
/// </summary>
public sealed class Article
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string SourceKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ArticleRevision> Revisions { get; set; } = [];
}
