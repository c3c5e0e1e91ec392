using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Moving;

/// <summary>Keeps fetches to one host apart by the configured delay, across all import jobs in this process.</summary>
public sealed class HostPacer(IOptions<ImportOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextAllowed = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitTurnAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }
        var delay = TimeSpan.FromMilliseconds(options.Value.HostDelayMilliseconds);
        var now = clock.GetUtcNow();
        var turn = nextAllowed.AddOrUpdate(uri.Authority, now + delay, (_, next) => (next > now ? next : now) + delay) - delay;
        if (turn > now)
        {
            await Task.Delay(turn - now, clock, cancellationToken);
        }
    }
}
