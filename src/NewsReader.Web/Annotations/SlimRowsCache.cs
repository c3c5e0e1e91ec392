namespace NewsReader.Web.Annotations;

/// <summary>
/// What the reader page needs of every annotation on an article to draw its marks (no quote,
/// note or tags), for all readers at once, kept between requests: materialising a thousand rows
/// cost the page more than the article itself. Each entry is checked against a
/// <see cref="Stamp"/> read from the database on every request, so a create, delete, edit,
/// visibility change, re-anchoring or new revision, made by this instance or another, is seen
/// by the very next page. Which rows a reader may see is decided per request, never stored.
/// Bounded by rows; the least recently used articles go first.
/// </summary>
public sealed class SlimRowsCache(int maxRows = SlimRowsCache.DefaultMaxRows)
{
    /// <summary>About a hundred articles with a thousand annotations each.</summary>
    public const int DefaultMaxRows = 100_000;

    /// <summary>
    /// A summary of an article's annotations that changes whenever a row the page draws could:
    /// an insert raises the last <c>Seq</c> (never reused), a delete lowers the count, every edit
    /// (note, colour, visibility, quote) raises a <c>Version</c>, and re-anchoring moves a
    /// position and the anchored revision. The current revision is part of it too.
    /// </summary>
    public sealed record Stamp(int? Revision, long Count, long? LastSeq, long? Versions, long? AnchoredRevisions, long? Starts, long? Ends);

    /// <summary>One annotation as the marks and the list's order need it.</summary>
    public sealed record Row(Guid Id, string OwnerId, Visibility Visibility, string Color, AnchorStatus AnchorStatus,
        int? Start, int? End, DateTime Created, DateTime Modified, int Version);

    private sealed record Entry(Stamp Stamp, IReadOnlyList<Row> Rows);

    private readonly LeastRecentlyUsed<int, Entry> articles = new(maxRows, entry => entry.Rows.Count);

    /// <summary>Articles held now.</summary>
    public int Count => articles.Count;

    /// <summary>
    /// The rows of the article, in document order (orphans last), as of <paramref name="stamp"/>
    /// or later; read through <paramref name="load"/> when the held ones are of another stamp.
    /// </summary>
    public async Task<IReadOnlyList<Row>> GetAsync(int articleId, Stamp stamp, Func<Task<IReadOnlyList<Row>>> load)
    {
        if (articles.TryGet(articleId, out var held) && held.Stamp == stamp)
        {
            return held.Rows;
        }
        // Read after the stamp, so the rows are at least as new as it: held under that stamp,
        // they never show less than what a request that reads the same stamp would load.
        var loaded = await load();
        articles.Put(articleId, new Entry(stamp, loaded));
        return loaded;
    }
}
