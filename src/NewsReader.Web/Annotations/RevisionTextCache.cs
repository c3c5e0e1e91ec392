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

    private readonly object gate = new();
    private readonly Dictionary<Key, LinkedListNode<(Key Key, CodePointText Text)>> entries = [];
    private readonly LinkedList<(Key Key, CodePointText Text)> recency = new();
    private long codePoints;

    /// <summary>Texts held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The decoded text of the revision, read through <paramref name="load"/> when not held.</summary>
    public async Task<CodePointText> GetAsync(Key key, Func<Task<string>> load)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return node.Value.Text;
            }
        }
        // Loaded outside the lock: two writers may both load a text the first time, which is
        // cheaper than making every writer wait on one database read.
        var text = new CodePointText(await load());
        lock (gate)
        {
            if (entries.TryGetValue(key, out var raced))
            {
                return raced.Value.Text;
            }
            if (text.Length > maxCodePoints)
            {
                return text;
            }
            entries[key] = recency.AddFirst((key, text));
            codePoints += text.Length;
            while (codePoints > maxCodePoints && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
                codePoints -= oldest.Value.Text.Length;
            }
        }
        return text;
    }
}
