namespace NewsReader.Web.Hosting;

/// <summary>
/// Keeps one reader's bulk work (an import, a feed of hundreds of items) from crowding out the
/// others: after each stretch of about <see cref="Stretch"/> of work it rests as long as it
/// worked, so it takes at most half of a core and leaves SQLite's one writer free half of the
/// time. A waiting writer (Microsoft.Data.Sqlite retries a busy database every 150 ms) then
/// finds it free within a retry or two instead of queueing behind hundreds of back-to-back
/// transactions, and a 2-core server keeps a core and a half for everyone else. The bulk work
/// takes up to twice as long; nobody else waits for it.
/// </summary>
public sealed class BulkWorkPacing(TimeProvider clock)
{
    public static readonly TimeSpan Stretch = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest rest: one slow step (a fuzzy quote on a long article) is not made slower still.</summary>
    public static readonly TimeSpan MaxRest = TimeSpan.FromMilliseconds(500);

    private long workStarted = clock.GetTimestamp();

    /// <summary>Rests if the work since the last rest has passed the stretch; otherwise returns at once.</summary>
    public async ValueTask RestIfDueAsync(CancellationToken cancellationToken)
    {
        var worked = clock.GetElapsedTime(workStarted);
        if (worked < Stretch)
        {
            return;
        }
        await Task.Delay(worked < MaxRest ? worked : MaxRest, clock, cancellationToken);
        workStarted = clock.GetTimestamp();
    }
}
