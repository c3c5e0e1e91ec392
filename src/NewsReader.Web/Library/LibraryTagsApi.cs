namespace NewsReader.Web.Library;

/// <summary>`/api/articles/{slug}/tags`: the signed-in reader's own tags on an article of their library.</summary>
public static class LibraryTagsApi
{
    public sealed record TagsBody(IReadOnlyList<string>? Tags);

    public sealed record TagsDto(IReadOnlyList<string> Tags);

    public static IEndpointRouteBuilder MapLibraryTags(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles/{slug}/tags").WithTags("Articles").RequireAuthorization().RequireAntiforgeryForCookies();

        group.MapGet("/", async Task<IResult> (string slug, HttpContext http, LibraryTags tags, CancellationToken ct) =>
                await tags.OfAsync(http.User.UserId()!, slug, ct) is { } names ? TypedResults.Ok(new TagsDto(names)) : ApiProblems.ArticleNotFound(slug))
            .WithSummary("My tags on an article")
            .Produces<TagsDto>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/", async Task<IResult> (string slug, TagsBody body, HttpContext http, LibraryTags tags, CancellationToken ct) =>
            {
                var (names, problem) = await tags.SetAsync(http.User.UserId()!, slug, body.Tags ?? [], ct);
                if (problem is not null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid tags", detail: problem);
                }
                return names is null ? ApiProblems.ArticleNotFound(slug) : TypedResults.Ok(new TagsDto(names));
            })
            .WithSummary("Replace my tags on an article")
            .Produces<TagsDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
