namespace NewsReader.Web.Library;

/// <summary>
/// One reader's own tie to one stored article: a page they saved (or an article they annotated
/// and kept after unsubscribing), or, when <see cref="Removed"/>, an article they took out of
/// their library even though a feed or the shared collection brings it.
/// </summary>
public sealed class LibraryEntry
{
    public required string UserId { get; set; }
    public int ArticleId { get; set; }
    /// <summary>Taken out by the reader: hidden from them whatever else brings it.</summary>
    public bool Removed { get; set; }
    public DateTime AddedAt { get; set; }
}
