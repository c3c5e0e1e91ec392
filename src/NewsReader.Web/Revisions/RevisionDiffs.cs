using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace NewsReader.Web.Revisions;

/// <summary>
/// Computes word diffs between two revisions within bounds, and keeps them. A diff costs about
/// the square of the text that differs (two unrelated 40,000-word revisions took 15 s of CPU),
/// and anyone may ask for one, so: a pair whose <see cref="TextDiff.EstimatedCost"/> is over
/// `NewsReader:Limits:DiffCost` is "too large to compare" without being tried; a diff that still
/// runs past `NewsReader:Limits:DiffSeconds` (moved passages are not in the estimate) answers
/// the same; a client that leaves is answered no further. The diff itself cannot be interrupted,
/// so the cost bound is what caps the CPU an abandoned request still spends, and a pair is
/// computed once at a time: requests for a pair already being compared (a client asking again
/// after leaving, or many at once) wait for that one computation instead of starting another.
/// What finishes is cached per pair of revisions (revisions never change), in a cache bounded
/// by characters.
/// </summary>
public sealed class RevisionDiffs(IConfiguration configuration) : IDisposable
{
    public const string CostKey = "NewsReader:Limits:DiffCost";
    public const string SecondsKey = "NewsReader:Limits:DiffSeconds";

    /// <summary>About a second and a half of one core (10,000 unrelated words a side take 0.8 s).</summary>
    private const long DefaultCost = 1_500_000_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 32 * 1024 * 1024 });

    private readonly ConcurrentDictionary<(int, int), Lazy<Task<IReadOnlyList<DiffOp>>>> running = new();

    private readonly Func<string, string, IReadOnlyList<DiffOp>> compute = TextDiff.Compute;

    /// <summary>With another diff than <see cref="TextDiff.Compute(string, string)"/>: tests hold one open.</summary>
    internal RevisionDiffs(IConfiguration configuration, Func<string, string, IReadOnlyList<DiffOp>> compute) : this(configuration) => this.compute = compute;

    private sealed record Cached(IReadOnlyList<DiffOp>? Diff);

    /// <summary>The diff from the older revision to the newer, or null when it is too large to compare.</summary>
    public async Task<IReadOnlyList<DiffOp>?> DiffAsync(int olderId, string olderText, int newerId, string newerText, CancellationToken cancellationToken)
    {
        var key = (olderId, newerId);
        if (cache.TryGetValue(key, out Cached? cached) && cached is not null)
        {
            return cached.Diff;
        }
        if (TextDiff.EstimatedCost(olderText, newerText) > configuration.GetValue(CostKey, DefaultCost))
        {
            Remember(key, null);
            return null;
        }
        var work = running.GetOrAdd(key, _ => new Lazy<Task<IReadOnlyList<DiffOp>>>(() => Start(key, olderText, newerText))).Value;
        try
        {
            return await work.WaitAsync(TimeSpan.FromSeconds(configuration.GetValue(SecondsKey, 5.0)), cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private Task<IReadOnlyList<DiffOp>> Start((int, int) key, string olderText, string newerText)
    {
        var work = Task.Run(() => compute(olderText, newerText), CancellationToken.None);
        // Kept when it ends, even if every asker stopped waiting: the next one gets it at once.
        _ = work.ContinueWith(done =>
        {
            if (done.IsCompletedSuccessfully)
            {
                Remember(key, done.Result);
            }
            running.TryRemove(key, out _);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return work;
    }

    private void Remember((int, int) key, IReadOnlyList<DiffOp>? diff) =>
        cache.Set(key, new Cached(diff), new MemoryCacheEntryOptions
        {
            Size = 64 + (diff?.Sum(op => (long)op.Text.Length) ?? 0),
            SlidingExpiration = TimeSpan.FromHours(1),
        });

    public void Dispose() => cache.Dispose();
}
