using System.Globalization;
using Microsoft.Extensions.Configuration;
using NewsReader.Core.Revisions;
using NewsReader.Web.Revisions;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>
/// The diff itself cannot be interrupted, so <see cref="RevisionDiffs"/> bounds the wait: past
/// the deadline the answer is "too large to compare", a client that leaves stops waiting, and a
/// pair is computed once however many ask. A diff held open by the test stands for a slow one.
/// </summary>
public sealed class RevisionDiffsTests
{
    private const string Older = "The council met on Tuesday.";
    private const string Newer = "The council met again on Friday.";

    private static IConfiguration Deadline(double seconds) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [RevisionDiffs.SecondsKey] = seconds.ToString(CultureInfo.InvariantCulture) })
        .Build();

    [Fact]
    public async Task A_diff_past_its_deadline_is_too_large_to_compare_and_kept_for_the_next_asker_once_it_ends()
    {
        using var held = new HeldDiff();
        using var diffs = new RevisionDiffs(Deadline(0.2), held.Compute);

        var first = await diffs.DiffAsync(1, Older, 2, Newer, CancellationToken.None);
        held.Release();
        IReadOnlyList<DiffOp>? later = null;
        for (var attempt = 0; attempt < 50 && later is null; attempt++)
        {
            later = await diffs.DiffAsync(1, Older, 2, Newer, CancellationToken.None);
        }

        Assert.Null(first);
        Assert.NotNull(later);
        Assert.Equal(TextDiff.Compute(Older, Newer), later);
        Assert.Equal(1, held.Calls);
    }

    [Fact]
    public async Task A_client_that_leaves_stops_waiting_and_others_asking_for_the_pair_share_one_computation()
    {
        using var held = new HeldDiff();
        using var diffs = new RevisionDiffs(Deadline(600), held.Compute);
        using var leaves = new CancellationTokenSource();

        var leaving = diffs.DiffAsync(1, Older, 2, Newer, leaves.Token);
        var staying = diffs.DiffAsync(1, Older, 2, Newer, CancellationToken.None);
        var another = diffs.DiffAsync(1, Older, 2, Newer, CancellationToken.None);
        await leaves.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.False(staying.IsCompleted);
        held.Release();
        Assert.Equal(TextDiff.Compute(Older, Newer), await staying);
        Assert.Equal(TextDiff.Compute(Older, Newer), await another);
        Assert.Equal(1, held.Calls);
    }

    /// <summary>The real diff, held until released, counting its calls.</summary>
    private sealed class HeldDiff : IDisposable
    {
        private readonly ManualResetEventSlim released = new();
        private int calls;

        public int Calls => calls;

        public IReadOnlyList<DiffOp> Compute(string older, string newer)
        {
            Interlocked.Increment(ref calls);
            released.Wait();
            return TextDiff.Compute(older, newer);
        }

        public void Release() => released.Set();

        // Released rather than disposed: a diff still held (a failed test) must not block a pool thread for good.
        public void Dispose() => released.Set();
    }
}
