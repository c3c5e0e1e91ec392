namespace NewsReader.Web.Annotations;

/// <summary>
/// What the reader page needs of the annotations on an article to draw its marks (no quote, note
/// or tags), kept between requests: materialising a thousand rows cost the page more than the
/// article itself. Held per article and reader: the reader's own annotations and the public
/// ones, never another reader's private ones, so what a page reads grows with what its reader
/// can see, not with everything written on the article (a page on an article with twenty
/// thousand private notes of others read all of them again after each write). Each entry is
/// checked against a <see cref="Stamp"/> of the article's annotations, read from the
/// database on every request, so a create, delete, edit, visibility change, re-anchoring or new
/// revision, made by this instance or another, is seen by the very next page. Which of the held
/// rows a reader sees (a public one only while the article is in their library) is decided per
/// request. Bounded by rows; the least recently used entries go first.
/// </summary>
public sealed class SlimRowsCache(int maxRows = SlimRowsCache.DefaultMaxRows)
{
    /// <summary>About a hundred articles with a thousand annotations each.</summary>
    public const int DefaultMaxRows = 100_000;

    /// <summary>
    /// What changes whenever a row the page draws could (<see cref="AnnotationChanges"/>), and
    /// the current revision. On SQLite, the article's <c>Token</c> (null while no annotation on it
    /// has ever changed) and nothing else. On PostgreSQL the table's object id (new after a
    /// restore) and a summary of every annotation on the article: an insert raises the last <c>Seq</c> (never reused), a delete lowers the
    /// <c>Count</c>, every edit (note, colour, visibility, quote) raises a <c>Version</c>, and
    /// re-anchoring moves a position and the anchored revision.
    /// </summary>
    public sealed record Stamp(int? Revision, long? Token, long Count, long? LastSeq, long? Versions, long? AnchoredRevisions, long? Starts, long? Ends);

    /// <summary>One annotation as the marks and the list's order need it.</summary>
    public sealed record Row(Guid Id, string OwnerId, Visibility Visibility, string Color, AnchorStatus AnchorStatus,
        int? Start, int? End, DateTime Created, DateTime Modified, int Version);

    private sealed record Entry(Stamp Stamp, IReadOnlyList<Row> Rows);

    /// <summary>An article, and the reader whose rows are held for it (null: a visitor, who has only the public ones).</summary>
    public readonly record struct Key(int ArticleId, string? ReaderId);

    private readonly LeastRecentlyUsed<Key, Entry> entries = new(maxRows, entry => entry.Rows.Count);

    /// <summary>Entries held now.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// The reader's rows of the article, in document order (orphans last), as of <paramref name="stamp"/>
    /// or later; read through <paramref name="load"/> when the held ones are of another stamp.
    /// </summary>
    public async Task<IReadOnlyList<Row>> GetAsync(Key key, Stamp stamp, Func<Task<IReadOnlyList<Row>>> load)
    {
        if (entries.TryGet(key, out var held) && held.Stamp == stamp)
        {
            return held.Rows;
        }
        // Read after the stamp, so the rows are at least as new as it: held under that stamp,
        // they never show less than what a request that reads the same stamp would load.
        var loaded = await load();
        entries.Put(key, new Entry(stamp, loaded));
        return loaded;
    }
}
