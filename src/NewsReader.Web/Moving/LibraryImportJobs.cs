using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Moving;

/// <summary>The job as the API and the page show it.</summary>
public sealed record ImportJobDto(Guid Id, string State, string Format, string? FileName, int Total, int Processed,
    int Articles, int Highlights, int Anchored, int Orphaned, IReadOnlyList<ImportFailure> Failed, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// Import jobs: made from an upload (refused at once when it is no export we know), read and
/// cancelled by their owner only (anyone else gets 404), and run item by item by
/// <see cref="LibraryImportRunner"/>, which records progress after every item.
/// </summary>
public sealed class LibraryImportJobs(NewsReaderDb db, IOptions<ImportOptions> options, TimeProvider clock, ImportSignal signal, RunningImports running)
{
    /// <summary>A queued job for the upload, or a sentence saying why the file cannot be imported.</summary>
    public async Task<(ImportJobDto? Job, string? Problem)> CreateAsync(string userId, byte[] upload, string? fileName, CancellationToken cancellationToken)
    {
        var (export, problem) = LibraryExportFormats.Read(upload);
        if (export is null)
        {
            return (null, problem);
        }
        if (export.Entries.Count + export.TitledHighlights.Count == 0)
        {
            return (null, $"The file is a {LibraryExportFormats.All.First(f => f.Name == export.Format).Label} export with nothing in it to import.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new LibraryImportJob
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Format = export.Format,
            FileName = fileName is null ? null : TextShortener.Shorten(Path.GetFileName(fileName), 200),
            FileHash = LibraryImporter.Hash(upload),
            Upload = upload,
            Total = export.Entries.Count + export.TitledHighlights.Count,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.LibraryImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return (ToDto(job), null);
    }

    public async Task<ImportJobDto?> GetAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        await db.LibraryImportJobs.AsNoTracking().Where(j => j.Id == id && j.UserId == userId).Select(Shape).FirstOrDefaultAsync(cancellationToken) is { } job
            ? ToDto(job)
            : null;

    /// <summary>The reader's jobs, newest first.</summary>
    public async Task<IReadOnlyList<ImportJobDto>> ListAsync(string userId, CancellationToken cancellationToken) =>
        (await db.LibraryImportJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.CreatedAt).Take(20).Select(Shape).ToListAsync(cancellationToken))
            .Select(ToDto).ToList();

    /// <summary>Stops a job that has not finished, the item in hand too when this process runs it. Null when there is no such job of theirs.</summary>
    public async Task<ImportJobDto?> CancelAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.LibraryImportJobs.Where(j => j.Id == id && j.UserId == userId && (j.State == ImportStates.Queued || j.State == ImportStates.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportStates.Cancelled).SetProperty(j => j.Upload, (byte[]?)null).SetProperty(j => j.UpdatedAt, now), cancellationToken) == 1)
        {
            // Only the owner's cancel of an unfinished job reaches the runner.
            running.Cancel(id);
        }
        return await GetAsync(userId, id, cancellationToken);
    }

    public long MaxBytes => options.Value.MaxBytes;

    // Everything but the upload, which may be tens of megabytes.
    private static readonly System.Linq.Expressions.Expression<Func<LibraryImportJob, LibraryImportJob>> Shape = j => new LibraryImportJob
    {
        Id = j.Id, UserId = j.UserId, State = j.State, Format = j.Format, FileName = j.FileName, FileHash = j.FileHash, Total = j.Total, NextItem = j.NextItem,
        Articles = j.Articles, Highlights = j.Highlights, Anchored = j.Anchored, Orphaned = j.Orphaned, Failures = j.Failures, CreatedAt = j.CreatedAt, UpdatedAt = j.UpdatedAt,
    };

    public static ImportJobDto ToDto(LibraryImportJob j) => new(j.Id, j.State, j.Format, j.FileName, j.Total, j.NextItem,
        j.Articles, j.Highlights, j.Anchored, j.Orphaned, LibraryImporter.ReadFailures(j.Failures), j.CreatedAt, j.UpdatedAt);
}

/// <summary>Wakes the runner when a job is queued, so it need not wait for its next look.</summary>
public sealed class ImportSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
