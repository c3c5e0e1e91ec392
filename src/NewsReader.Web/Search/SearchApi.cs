
namespace NewsReader.Web.Search;

/// <summary>`GET /api/search?q=&amp;limit=&amp;offset=`: the search page's results as JSON.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async (string? q, int? limit, int? offset, HttpContext http, SearchService search, CancellationToken ct) =>
            TypedResults.Ok(await search.SearchAsync(q, http.User.UserId(), limit ?? SearchService.DefaultLimit, offset ?? 0, ct)))
            .WithTags("Search")
            .LimitedAsExpensive(ExpensiveKind.Searching);
        return app;
    }
}
