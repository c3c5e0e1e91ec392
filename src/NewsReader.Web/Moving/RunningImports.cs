using System.Collections.Concurrent;

namespace NewsReader.Web.Moving;

/// <summary>
/// The import jobs this process is working on, each with a token its cancel trips, so a cancel
/// stops the item in hand (a slow fetch, a wait for the host's turn) at once instead of after it.
/// A job run by another instance sees its cancel in the database before its next item.
/// </summary>
public sealed class RunningImports
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();

    /// <summary>A token for the job's items, cancelled by <see cref="Cancel"/> or when the host stops; dispose it when the job ends.</summary>
    public Registration Start(Guid id, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running[id] = source;
        return new Registration(this, id, source);
    }

    public void Cancel(Guid id)
    {
        if (running.TryGetValue(id, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The job ended meanwhile.
            }
        }
    }

    public sealed class Registration(RunningImports owner, Guid id, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner.running.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(id, source));
            source.Dispose();
        }
    }
}
