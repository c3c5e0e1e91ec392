
namespace NewsReader.Web.Revisions;

/// <summary>`/api/articles/{slug}/revisions` and `/api/articles/{slug}/diff?from=N&amp;to=M`: an article's history, readable as the article is.</summary>
public static class RevisionsApi
{
    public sealed record RevisionDto(int Number, DateTime IngestedAt, string Source, string Title, int WordCount);

    public sealed record DiffOpDto(string Op, string Text, int OldStart, int NewStart);

    public static IEndpointRouteBuilder MapRevisions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles/{slug}").WithTags("Revisions");
        // An article outside the caller's library has no revisions to show them either.
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var slug = (string)http.Request.RouteValues["slug"]!;
            return await http.RequestServices.GetRequiredService<ReaderLibrary>().ContainsAsync(http.User.UserId(), slug, http.RequestAborted)
                ? await next(context)
                : ApiProblems.ArticleNotFound(slug);
        });

        group.MapGet("/revisions", async Task<IResult> (string slug, RevisionService revisions, CancellationToken ct) =>
            await revisions.ListAsync(slug, ct) is { } list
                ? TypedResults.Ok(list.Select(r => new RevisionDto(r.Number, r.IngestedAt, r.Source, r.Title, r.WordCount)))
                : ApiProblems.ArticleNotFound(slug));

        group.MapGet("/diff", async Task<IResult> (string slug, string? from, string? to, RevisionService revisions, CancellationToken ct) =>
        {
            if (!int.TryParse(from, out var f) || !int.TryParse(to, out var t) || f < 1 || t < 1)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid revisions",
                    detail: "Give the two revisions to compare as whole numbers from 1: ?from=1&to=2.");
            }
            var comparison = await revisions.CompareAsync(slug, f, t, ct);
            if (comparison is { TooLarge: true })
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Too large to compare",
                    detail: RevisionComparison.TooLargeDetail);
            }
            if (comparison is not null)
            {
                return TypedResults.Ok(comparison.Diff.Select(d => new DiffOpDto(d.Op.ToString().ToLowerInvariant(), d.Text, d.OldStart, d.NewStart)));
            }
            return await revisions.ListAsync(slug, ct) is { } list
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such revision",
                    detail: $"The article '{slug}' has revisions 1 to {list.Count}.")
                : ApiProblems.ArticleNotFound(slug);
        })
            // A diff costs the square of what differs: limited, bounded and cached (RevisionDiffs).
            .LimitedAsExpensive(ExpensiveKind.Diffing)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }
}
