namespace NewsReader.Web.Search;

/// <summary>
/// The time one search may take (`NewsReader:Search:TimeoutSeconds`), on the app's clock, joined
/// with the request's own cancellation (the client went away). SQLite statements are interrupted
/// through <see cref="Token"/>; work done in C# between and after them (snippets of long texts)
/// calls <see cref="ThrowIfSpent"/>, which also reads the clock, so a test's clock can end it.
/// </summary>
public sealed class SearchBudget : IDisposable
{
    private readonly TimeProvider clock;
    private readonly long started;
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource linked;

    public SearchBudget(TimeSpan allowed, TimeProvider clock, CancellationToken requestAborted)
    {
        this.clock = clock;
        Allowed = allowed;
        started = clock.GetTimestamp();
        timeout = new CancellationTokenSource(allowed, clock);
        linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, timeout.Token);
    }

    public TimeSpan Allowed { get; }

    /// <summary>Cancelled when the time is up or the request was aborted.</summary>
    public CancellationToken Token => linked.Token;

    public bool IsSpent => linked.IsCancellationRequested;

    /// <summary>Throws <see cref="OperationCanceledException"/> once the budget is spent, by the clock or by cancellation.</summary>
    public void ThrowIfSpent()
    {
        if (!linked.IsCancellationRequested && clock.GetElapsedTime(started) > Allowed)
        {
            linked.Cancel();
        }
        linked.Token.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        linked.Dispose();
        timeout.Dispose();
    }
}
