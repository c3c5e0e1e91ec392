using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Hosting;

/// <summary>
/// `/healthz`: the process is alive and its database answers (200, else 503).
/// `/healthz/ready`: also every migration applied and the start-up seed ingestion done, so a
/// load balancer or a test sends readers only once the library is complete.
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async Task<IResult> (NewsReaderDb db, CancellationToken ct) =>
            await DatabaseProblemAsync(db, ct) is { } problem ? problem : TypedResults.Ok(new { status = "healthy" }))
            .ExcludeFromDescription();
        app.MapGet("/healthz/ready", async Task<IResult> (NewsReaderDb db, MigrationStatus migrated, SeedIngestionStatus seeds, CancellationToken ct) =>
        {
            if (await DatabaseProblemAsync(db, ct) is { } problem)
            {
                return problem;
            }
            // This instance's own start-up migration first (it may be waiting for another
            // instance's), then the schema itself, which another instance may have moved on.
            if (!migrated.IsDone || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                return NotReady("Migrations pending", "The database schema is not up to date yet.");
            }
            if (!seeds.Finished.IsCompleted)
            {
                return NotReady("Seeds being ingested", "The start-up ingestion of the seeds folder is still running.");
            }
            return TypedResults.Ok(new { status = "ready", seeds = seeds.Finished.Result ?? "ingested" });
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult?> DatabaseProblemAsync(NewsReaderDb db, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return null;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable");
        }
    }

    private static IResult NotReady(string title, string detail)
    {
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["retryAfter"] = 1 });
    }
}
