
namespace NewsReader.Web.Reading;

/// <summary>`/api/articles/{slug}/state`: the signed-in reader's read, archived, favourite and progress.</summary>
public static class ReadingApi
{
    public sealed record StateBody(bool? Read, bool? Archived, bool? Favorite, int? ProgressOffset);

    public static IEndpointRouteBuilder MapReadingState(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles/{slug}/state").WithTags("Reading").RequireAuthorization().RequireAntiforgeryForCookies();

        group.MapGet("/", async Task<IResult> (string slug, HttpContext http, ReadingService reading, CancellationToken ct) =>
            await reading.GetAsync(UserId(http), slug, ct) is { } state ? TypedResults.Ok(state) : ApiProblems.ArticleNotFound(slug))
            .Produces<ReadingStateDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/", async Task<IResult> (string slug, StateBody body, HttpContext http, ReadingService reading, CancellationToken ct) =>
        {
            var (state, problem) = await reading.ChangeAsync(UserId(http), slug, new ReadingStateChange(body.Read, body.Archived, body.Favorite, body.ProgressOffset), ct);
            if (problem is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid reading state", detail: problem);
            }
            return state is null ? ApiProblems.ArticleNotFound(slug) : TypedResults.Ok(state);
        }).Produces<ReadingStateDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string UserId(HttpContext http) => http.User.UserId()!;
}
