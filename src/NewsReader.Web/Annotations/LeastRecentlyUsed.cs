namespace NewsReader.Web.Annotations;

/// <summary>
/// A map bounded by the total weight of its values (code points, rows, statements): putting past
/// the bound drops the least recently used entries; a value heavier than the whole bound is not
/// kept. <paramref name="dropped"/> is told of every value the map lets go (dropped, replaced,
/// cleared), for values that hold resources. Thread-safe; the caches of this folder and search's
/// kept statements (<see cref="Search.SearchConnection"/>) keep their own rules on top of it.
/// </summary>
public sealed class LeastRecentlyUsed<TKey, TValue>(long maxWeight, Func<TValue, long> weightOf, Action<TValue>? dropped = null) where TKey : notnull
{
    private readonly object gate = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> entries = [];
    private readonly LinkedList<(TKey Key, TValue Value)> recency = new();
    private long weight;

    /// <summary>Entries held now.</summary>
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

    /// <summary>The value held for the key, now the most recently used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>Holds the value for the key (replacing any other), unless it alone outweighs the bound.</summary>
    public void Put(TKey key, TValue value)
    {
        lock (gate)
        {
            if (entries.Remove(key, out var old))
            {
                recency.Remove(old);
                weight -= weightOf(old.Value.Value);
                dropped?.Invoke(old.Value.Value);
            }
            var added = weightOf(value);
            if (added > maxWeight)
            {
                dropped?.Invoke(value);
                return;
            }
            entries[key] = recency.AddFirst((key, value));
            weight += added;
            while (weight > maxWeight && recency.Last is { } oldest)
            {
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
                weight -= weightOf(oldest.Value.Value);
                dropped?.Invoke(oldest.Value.Value);
            }
        }
    }

    /// <summary>Lets every entry go.</summary>
    public void Clear()
    {
        lock (gate)
        {
            foreach (var (_, value) in recency)
            {
                dropped?.Invoke(value);
            }
            recency.Clear();
            entries.Clear();
            weight = 0;
        }
    }
}
