using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Moving;

/// <summary>
/// Keeps fetches to one host (scheme, name and port) apart by <see cref="ImportOptions.HostDelayMilliseconds"/>,
/// across all import jobs in this process; other hosts are not held up.
/// </summary>
public sealed class HostPacer(IOptions<ImportOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextAllowed = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitTurnAsync(string url, CancellationToken cancellationToken)
    {
        if (Reserve(url) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    /// <summary>Takes the host's next turn and says how long until it comes (zero when it is now); null for no absolute address.</summary>
    public TimeSpan? Reserve(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.HostDelayMilliseconds));
        var now = clock.GetUtcNow();
        var turn = nextAllowed.AddOrUpdate($"{uri.Scheme}://{uri.Authority}", now + delay, (_, next) => (next > now ? next : now) + delay) - delay;
        return turn > now ? turn - now : TimeSpan.Zero;
    }
}
