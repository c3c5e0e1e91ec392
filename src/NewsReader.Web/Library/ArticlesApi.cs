
namespace NewsReader.Web.Library;

/// <summary>`/api/articles`: the article list, one article with its text and blocks, and saving a page by URL.</summary>
public static class ArticlesApi
{
    public sealed record ArticleListItem(
        string Slug, string Title, string? Dateline, string? Agency, int WordCount, int ReadingMinutes, int Revision, DateTime Ingested,
        string? SourceUrl, string? SiteName, string? Author, DateTime? Published, string? Language);

    /// <summary>The body of `POST /api/articles`.</summary>
    public sealed record SaveUrlRequest(string? Url);

    public sealed record BlockDto(BlockKind Kind, int Start, int End);

    public sealed record ArticleDetail(
        string Slug, string Title, string? Dateline, string? Agency, int WordCount, int ReadingMinutes, int Revision, DateTime Ingested,
        string? SourceUrl, string? SiteName, string? Author, DateTime? Published, string? Language,
        string Text, IReadOnlyList<BlockDto> Blocks);

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles").WithTags("Articles");

        group.MapGet("/", async (ArticleQueries articles, CancellationToken ct) =>
            (await articles.ListAsync(ct)).Select(ToListItem));

        group.MapGet("/{slug}", async Task<IResult> (string slug, ArticleQueries articles, CancellationToken ct) =>
            await articles.FindAsync(slug, ct) is { } article
                ? TypedResults.Ok(ToDetail(article))
                : ApiProblems.ArticleNotFound(slug))
            .Produces<ArticleDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", SaveUrlAsync).RequireAuthorization().RequireAntiforgeryForCookies().LimitedAsExpensive()
            .Produces<ArticleDetail>(StatusCodes.Status201Created).Produces<ArticleDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);

        return app;
    }

    /// <summary>Fetches and stores the page: 201 when new, 200 with the article already saved from this URL.</summary>
    private static async Task<IResult> SaveUrlAsync(SaveUrlRequest request, UrlSaver saver, ArticleQueries articles, CancellationToken ct)
    {
        SavedUrl saved;
        try
        {
            saved = await saver.SaveAsync(request.Url, ct);
        }
        catch (FetchException failure)
        {
            return ApiProblems.FetchFailed(failure);
        }
        var article = ToDetail((await articles.FindAsync(saved.Slug, ct))!);
        return saved.Created
            ? TypedResults.Created($"/api/articles/{Uri.EscapeDataString(saved.Slug)}", article)
            : TypedResults.Ok(article);
    }

    private static ArticleListItem ToListItem(ArticleSummary a) =>
        new(a.Slug, a.Title, a.Dateline, a.Source.Agency, a.WordCount, a.ReadingMinutes, a.Revision, a.IngestedAt,
            a.Source.Url, a.Source.SiteName, a.Source.Author, a.Source.Published, a.Source.Language);

    private static ArticleDetail ToDetail(ArticleDocument d)
    {
        var a = d.Summary;
        return new(a.Slug, a.Title, a.Dateline, a.Source.Agency, a.WordCount, a.ReadingMinutes, a.Revision, a.IngestedAt,
            a.Source.Url, a.Source.SiteName, a.Source.Author, a.Source.Published, a.Source.Language,
            d.Text, d.Blocks.Select(b => new BlockDto(b.Kind, b.Start, b.End)).ToList());
    }
}
