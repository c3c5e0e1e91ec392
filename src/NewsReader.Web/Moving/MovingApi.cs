namespace NewsReader.Web.Moving;

/// <summary>
/// `POST /api/import/library` takes another service's export and answers 202 with the job;
/// `GET /api/import/jobs/{id}` follows it; `POST /api/import/jobs/{id}/cancel` stops it.
/// </summary>
public static class MovingApi
{
    public static IEndpointRouteBuilder MapMoving(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/import").WithTags("Moving in").RequireAuthorization().RequireAntiforgeryForCookies();

        group.MapPost("/library", CreateAsync).LimitedAsExpensive(ExpensiveKind.Importing)
            .WithSummary("Import a library from another service")
            .WithDescription($"The export as the request body (any content type) or as the multipart field `file`. Recognised by content: {LibraryExportFormats.Labels}.")
            .Accepts<IFormFile>("multipart/form-data", "*/*")
            .Produces<ImportJobDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/jobs", async (HttpContext http, LibraryImportJobs jobs, CancellationToken ct) => TypedResults.Ok(await jobs.ListAsync(http.User.UserId()!, ct)))
            .WithSummary("My import jobs, newest first");

        group.MapGet("/jobs/{id:guid}", async Task<IResult> (Guid id, HttpContext http, LibraryImportJobs jobs, CancellationToken ct) =>
                await jobs.GetAsync(http.User.UserId()!, id, ct) is { } job ? TypedResults.Ok(job) : NotFound())
            .WithSummary("An import job's progress")
            .Produces<ImportJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/jobs/{id:guid}/cancel", async Task<IResult> (Guid id, HttpContext http, LibraryImportJobs jobs, CancellationToken ct) =>
                await jobs.CancelAsync(http.User.UserId()!, id, ct) is { } job ? TypedResults.Ok(job) : NotFound())
            .WithSummary("Cancel an import job")
            .Produces<ImportJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, LibraryImportJobs jobs, CancellationToken ct)
    {
        var (bytes, fileName, refusal) = await ReadUploadAsync(request, jobs.MaxBytes, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var (job, problem) = await jobs.CreateAsync(request.HttpContext.User.UserId()!, bytes!, fileName, ct);
        return job is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an export", detail: problem)
            : TypedResults.Accepted($"/api/import/jobs/{job.Id}", job);
    }

    /// <summary>The file from the multipart field `file`, else the whole body, read up to the limit and no further.</summary>
    public static async Task<(byte[]? Bytes, string? FileName, IResult? Refusal)> ReadUploadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var tooLarge = TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"An export may be at most {maxBytes / (1024 * 1024)} MB.");
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            return (null, null, tooLarge);
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                return (null, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "Send the export as the multipart field `file`, or as the request body."));
            }
            if (file.Length > maxBytes)
            {
                return (null, null, tooLarge);
            }
            await using var stream = file.OpenReadStream();
            return (await BoundedRead.ReadAtMostAsync(stream, maxBytes, ct), file.FileName, null);
        }
        return await BoundedRead.ReadAtMostAsync(request.Body, maxBytes, ct) is { } bytes ? (bytes, null, null) : (null, null, tooLarge);
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such import job");
}
