
namespace NewsReader.Web.Library.Ingestion;

/// <summary>Wires ingestion: the start-up pass over the seeds folder (the `ingest` verb is in Cli/).</summary>
public static class IngestionSetup
{
    public const string SeedsPathKey = "NewsReader:SeedsPath";

    public static IServiceCollection AddNewsReaderIngestion(this IServiceCollection services)
    {
        services.AddScoped<ArticleIngester>();
        services.AddSingleton<SeedIngestionStatus>();
        services.AddHostedService<SeedIngestionService>();
        return services;
    }

    /// <summary>`NewsReader:SeedsPath`, relative to the content root; the repository's seeds/ by default.</summary>
    public static string SeedsPath(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration[SeedsPathKey] ?? Path.Combine("..", "..", "seeds")));

    /// <summary>
    /// Ingests the seeds folder once the server listens, so a large or troublesome folder never
    /// holds up start-up (`/healthz/ready` answers 503 until it is done); stopping the host stops
    /// it between articles.
    /// </summary>
    private sealed class SeedIngestionService(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
        IHostApplicationLifetime lifetime, SeedIngestionStatus status, ILogger<SeedIngestionService> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            // Stopped as soon as shutdown begins, not only once the server has let the requests in
            // flight finish: until then it would keep taking the write lock those requests wait for.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
            try
            {
                await WhenStartedAsync(lifetime, stopping.Token);
                await using var scope = services.CreateAsyncScope();
                // Instances starting together on one PostgreSQL database take turns: the first
                // ingests, the others find every file known and unchanged.
                await using (await DatabaseLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<NewsReaderDb>(), DatabaseLock.Seeds, stopping.Token))
                {
                    await scope.ServiceProvider.GetRequiredService<ArticleIngester>().IngestAsync(SeedsPath(configuration, environment), cancellationToken: stopping.Token);
                }
                status.Done();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                status.Failed("stopped");
            }
            catch (Exception ex)
            {
                // The app serves what it has; readiness says seeding failed.
                logger.LogError(ex, "Seed ingestion failed");
                status.Failed(ex.Message);
            }
        }

        private static Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
            return started.Task;
        }
    }
}

/// <summary>Whether the seed ingestion that follows start-up has finished, for `/healthz/ready` and the tests.</summary>
public sealed class SeedIngestionStatus
{
    private readonly TaskCompletionSource<string?> finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with null when seeding succeeded, or with what went wrong.</summary>
    public Task<string?> Finished => finished.Task;

    public bool IsDone => finished.Task.IsCompletedSuccessfully && finished.Task.Result is null;

    public void Done() => finished.TrySetResult(null);

    public void Failed(string reason) => finished.TrySetResult(reason);
}
