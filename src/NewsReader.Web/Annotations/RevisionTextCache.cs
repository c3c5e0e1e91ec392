namespace NewsReader.Web.Annotations;

/// <summary>
/// Revision texts decoded for placing quotes, kept between requests so that a write does not
/// read and decode a 100 KB text each time. Keyed by the revision's id, article and number: a
/// revision's text never changes (new text is a new revision, with a new id), so an entry
/// cannot go stale, and since every write first reads which revision is current (a small
/// query, without the text) a new revision is used at once. It holds article text only, which
/// the caller has already been allowed to see, so nothing in it belongs to one reader.
/// Bounded by code points; the least recently used texts go first.
/// </summary>
public sealed class RevisionTextCache(int maxCodePoints = RevisionTextCache.DefaultMaxCodePoints)
{
    /// <summary>About 30 revisions of a 20,000-word article; 4 to 8 bytes a code point.</summary>
    public const int DefaultMaxCodePoints = 4_000_000;

    /// <summary>Which revision a text belongs to.</summary>
    public readonly record struct Key(int RevisionId, int ArticleId, int Number);

    private readonly LeastRecentlyUsed<Key, CodePointText> texts = new(maxCodePoints, text => text.Length);

    /// <summary>Texts held now.</summary>
    public int Count => texts.Count;

    /// <summary>The decoded text of the revision, read through <paramref name="load"/> when not held.</summary>
    public async Task<CodePointText> GetAsync(Key key, Func<Task<string>> load)
    {
        if (texts.TryGet(key, out var held))
        {
            return held;
        }
        // Loaded outside any lock: two writers may both load a text the first time, which is
        // cheaper than making every writer wait on one database read. A revision's text never
        // changes, so whichever copy is kept is right.
        var text = new CodePointText(await load());
        texts.Put(key, text);
        return text;
    }
}
