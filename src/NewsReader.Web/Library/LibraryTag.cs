namespace NewsReader.Web.Library;

/// <summary>
/// One reader's tag on one article of their library ("recipes", a bookmarks folder, a Pocket tag).
/// The article is stored once for everyone; its tags are the reader's own, so every read of them
/// names the reader, and no one else ever sees them.
/// </summary>
public sealed class LibraryTag
{
    public required string UserId { get; set; }
    public int ArticleId { get; set; }
    public required string Name { get; set; }
}
