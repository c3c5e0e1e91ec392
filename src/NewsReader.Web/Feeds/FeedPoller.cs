using Microsoft.Extensions.Options;

namespace NewsReader.Web.Feeds;

/// <summary>
/// Polls the feeds that are due, one after another, on a small loop. Each poll claims its feed
/// in the database (<see cref="FeedService.PollAsync"/>), so a refresh asked for on the page
/// at the same moment does not poll it twice; outcomes are recorded on the feed for /feeds.
/// </summary>
public sealed class FeedPoller(IServiceScopeFactory scopes, IOptions<FeedOptions> options, TimeProvider clock, ILogger<FeedPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Look for due feeds once a minute, or at every interval when that is shorter.
        var interval = options.Value.Interval;
        var tick = interval < TimeSpan.FromMinutes(1) ? interval : TimeSpan.FromMinutes(1);
        if (tick < TimeSpan.FromSeconds(1))
        {
            tick = TimeSpan.FromSeconds(1);
        }
        using var timer = new PeriodicTimer(tick, clock);
        do
        {
            try
            {
                await PollDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad round must not end polling for the life of the process.
                logger.LogError(ex, "Feed polling round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollDueAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<FeedService>().DueAsync(stoppingToken);
        }
        foreach (var id in due)
        {
            // A scope a feed: one poll's tracked rows never leak into the next.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FeedService>().PollIfDueAsync(id, stoppingToken);
        }
    }
}
