using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Moving;

/// <summary>
/// Runs import jobs in the background, one at a time, on a small loop: it claims a queued job
/// (or one whose runner stopped: its lease ran out) in the database, works through its items
/// from where it stopped, and records progress and renews the lease after each item, so a
/// restart carries on; a cancel stops the item in hand (<see cref="RunningImports"/>).
/// </summary>
public sealed class LibraryImportRunner(
    IServiceScopeFactory scopes, IOptions<ImportOptions> options, ImportSignal signal, RunningImports running, TimeProvider clock, ILogger<LibraryImportRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } id)
                {
                    await RunAsync(id, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad round must not end importing for the life of the process.
                logger.LogError(ex, "Import round failed");
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken);
        }
    }

    /// <summary>The id of a job this runner now holds, or null when none is due.</summary>
    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.LibraryImportJobs.AsNoTracking()
            .Where(j => j.State == ImportStates.Queued || (j.State == ImportStates.Running && j.LeaseUntil < now))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            // The same condition again in the update: of two runners only one gets the row.
            var lease = now.AddSeconds(options.Value.LeaseSeconds);
            if (await db.LibraryImportJobs.Where(j => j.Id == id && (j.State == ImportStates.Queued || (j.State == ImportStates.Running && j.LeaseUntil < now)))
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportStates.Running).SetProperty(j => j.LeaseUntil, lease), cancellationToken) == 1)
            {
                return id;
            }
        }
        return null;
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        LibraryExport export;
        string userId;
        int next;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            var job = await db.LibraryImportJobs.AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
            var (read, problem) = job.Upload is null ? (null, "The uploaded file is gone.") : LibraryExportFormats.Read(job.Upload);
            if (read is null)
            {
                await FinishAsync(db, id, ImportStates.Failed, [new ImportFailure(-1, job.FileName ?? "the file", problem!)], stoppingToken);
                return;
            }
            (export, userId, next) = (read, job.UserId, job.NextItem);
        }
        try
        {
            await WorkThroughAsync(id, export, userId, next, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the job stays running where it got to, and its lease ends now,
            // so the next start (this instance's or another's) carries on without waiting it out.
            await using var scope = scopes.CreateAsyncScope();
            var now = clock.GetUtcNow().UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<NewsReaderDb>().LibraryImportJobs.Where(j => j.Id == id && j.State == ImportStates.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, now), CancellationToken.None);
            throw;
        }
    }

    private async Task WorkThroughAsync(Guid id, LibraryExport export, string userId, int next, CancellationToken stoppingToken)
    {
        var total = export.Entries.Count + export.TitledHighlights.Count;
        using var cancel = running.Start(id, stoppingToken);
        for (var item = next; item < total; item++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            if (await db.LibraryImportJobs.Where(j => j.Id == id).Select(j => j.State).SingleAsync(stoppingToken) != ImportStates.Running)
            {
                return;
            }
            LibraryImporter.ItemOutcome outcome;
            try
            {
                outcome = await scope.ServiceProvider.GetRequiredService<LibraryImporter>().ImportItemAsync(userId, export, item, cancel.Token);
            }
            catch (OperationCanceledException) when (cancel.Token.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // Cancelled by its owner while this item was in hand: the job is already marked, and nothing more is done.
                logger.LogInformation("Import {Job} cancelled at item {Item}", id, item);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // One entry that breaks (a page that cannot be parsed, a fetch timing out) is listed, and the rest go on.
                logger.LogWarning(ex, "Import {Job}: item {Item} failed", id, item);
                var name = item < export.Entries.Count ? export.Entries[item].Url : export.TitledHighlights[item - export.Entries.Count].ArticleTitle ?? "";
                outcome = new LibraryImporter.ItemOutcome(Failures: [new ImportFailure(item, name, ex is OperationCanceledException ? "Timed out." : $"Could not be imported ({ex.GetType().Name}).")]);
            }
            await RecordAsync(db, id, item + 1, outcome, stoppingToken);
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            await FinishAsync(scope.ServiceProvider.GetRequiredService<NewsReaderDb>(), id, ImportStates.Done, [], stoppingToken);
        }
    }

    /// <summary>Adds one item's outcome to the job and renews the lease, unless the job was cancelled meanwhile.</summary>
    private async Task RecordAsync(NewsReaderDb db, Guid id, int next, LibraryImporter.ItemOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now.AddSeconds(options.Value.LeaseSeconds);
        var failures = outcome.Failures is { Count: > 0 } added
            ? LibraryImporter.WriteFailures(LibraryImporter.ReadFailures(await db.LibraryImportJobs.Where(j => j.Id == id).Select(j => j.Failures).SingleAsync(cancellationToken)).Concat(added))
            : null;
        await db.LibraryImportJobs.Where(j => j.Id == id && j.State == ImportStates.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.NextItem, next)
                .SetProperty(j => j.Articles, j => j.Articles + outcome.Articles)
                .SetProperty(j => j.Highlights, j => j.Highlights + outcome.Highlights)
                .SetProperty(j => j.Anchored, j => j.Anchored + outcome.Anchored)
                .SetProperty(j => j.Orphaned, j => j.Orphaned + outcome.Orphaned)
                .SetProperty(j => j.Failures, j => failures ?? j.Failures)
                .SetProperty(j => j.LeaseUntil, lease)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }

    private async Task FinishAsync(NewsReaderDb db, Guid id, string state, IReadOnlyList<ImportFailure> failures, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failuresJson = failures.Count > 0 ? LibraryImporter.WriteFailures(failures) : null;
        await db.LibraryImportJobs.Where(j => j.Id == id && j.State == ImportStates.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, state)
                .SetProperty(j => j.Upload, (byte[]?)null)
                .SetProperty(j => j.Failures, j => failuresJson ?? j.Failures)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        logger.LogInformation("Import {Job} ended: {State}", id, state);
    }
}
