
namespace NewsReader.Web.Library;

/// <summary>
/// `/api/articles`: the reader's library a page at a time, one article with its text and
/// blocks, saving a page by URL, taking an article out of the library, marking a view read.
/// What is not in the caller's library answers 404.
/// </summary>
public static class ArticlesApi
{
    /// <param name="ListedAt">The date the list sorts on: published, else first ingested.</param>
    /// <param name="Annotations">Annotations on it the caller can see.</param>
    /// <param name="Tags">The caller's own tags on it (none for a visitor); no one else's.</param>
    public sealed record ArticleListItem(
        string Slug, string Title, string? Dateline, string? Agency, int WordCount, int ReadingMinutes, int Revision, DateTime Ingested,
        string? SourceUrl, string? SiteName, string? Author, DateTime? Published, string? Language,
        DateTime ListedAt, string Excerpt, int Annotations, bool Read, int ProgressPercent, IReadOnlyList<string> Tags);

    /// <summary>The body of `POST /api/articles/read`: the view to mark read (as the list's query), or the ids to unmark (Undo).</summary>
    public sealed record MarkReadRequest(string? Filter, int? Feed, string? Folder, string? Site, IReadOnlyList<int>? Undo);

    public sealed record MarkReadResult(int Changed, IReadOnlyList<int> ArticleIds);

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

        group.MapGet("/", ListAsync).Produces<IEnumerable<ArticleListItem>>().ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{slug}", async Task<IResult> (string slug, HttpContext http, ArticleQueries articles, CancellationToken ct) =>
            await articles.FindAsync(slug, http.User.UserId(), ct) is { } article
                ? TypedResults.Ok(ToDetail(article))
                : ApiProblems.ArticleNotFound(slug))
            .Produces<ArticleDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{slug}", async Task<IResult> (string slug, HttpContext http, ReaderLibrary library, CancellationToken ct) =>
            await library.RemoveAsync(http.User.UserId()!, slug, ct) ? TypedResults.NoContent() : ApiProblems.ArticleNotFound(slug))
            .RequireAuthorization().RequireAntiforgeryForCookies()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/read", MarkReadAsync).RequireAuthorization().RequireAntiforgeryForCookies()
            .Produces<MarkReadResult>().ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapPost("/", SaveUrlAsync).RequireAuthorization().RequireAntiforgeryForCookies().LimitedAsExpensive(ExpensiveKind.Fetching)
            .Produces<ArticleDetail>(StatusCodes.Status201Created).Produces<ArticleDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);

        return app;
    }

    /// <summary>
    /// A page of the caller's library as a JSON array; while more follow, a `Link` header names
    /// the next page (`rel="next"`), whose `cursor` picks up after this page's last row.
    /// </summary>
    private static async Task<IResult> ListAsync(HttpContext http, LibraryList list, LibraryTags tags,
        string? filter, string? sort, string? site, int? feed, string? folder, string? cursor, int? limit, CancellationToken ct)
    {
        if (ParseView(http, filter, sort, site, feed, folder) is not { } view)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid list",
                detail: "filter is one of all, unread, archived, favorites, annotated, updated; sort one of newest, oldest, longest.");
        }
        var page = await list.PageAfterAsync(http.User.UserId(), view, cursor, limit ?? LibraryList.DefaultLimit, ct);
        if (page.Next is { } next)
        {
            var query = QueryString.Create(http.Request.Query
                .Where(q => q.Key is not ("cursor" or "limit"))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("limit", page.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("cursor", next)));
            http.Response.Headers.Append("Link", $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"");
        }
        var rowTags = http.User.UserId() is { } userId ? await tags.OfAsync(userId, page.Rows.Select(r => r.ArticleId).ToList(), ct) : null;
        return TypedResults.Ok(page.Rows.Select(r => ToListItem(r, rowTags?.GetValueOrDefault(r.ArticleId) ?? [])));
    }

    /// <summary>Marks the view read (answering the ids it changed), or with `undo` marks those ids unread again.</summary>
    private static async Task<IResult> MarkReadAsync(MarkReadRequest request, HttpContext http, LibraryList list, CancellationToken ct)
    {
        var userId = http.User.UserId()!;
        if (request.Undo is { } undo)
        {
            return TypedResults.Ok(new MarkReadResult(await list.MarkUnreadAsync(userId, undo, ct), undo));
        }
        if (ParseView(http, request.Filter, null, request.Site, request.Feed, request.Folder) is not { } view)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid view", detail: "filter is one of all, unread, archived, favorites, annotated, updated.");
        }
        var ids = await list.MarkAllReadAsync(userId, view, ct);
        return TypedResults.Ok(new MarkReadResult(ids.Count, ids));
    }

    /// <summary>The view the query names; null when it names a filter or sort there is not. Visitors have no filters.</summary>
    public static ListView? ParseView(HttpContext http, string? filter, string? sort, string? site, int? feed, string? folder)
    {
        var f = ListFilter.All;
        var s = ListSort.Newest;
        if (!string.IsNullOrEmpty(filter) && !Enum.TryParse(filter, ignoreCase: true, out f))
        {
            return null;
        }
        if (!string.IsNullOrEmpty(sort) && !Enum.TryParse(sort, ignoreCase: true, out s))
        {
            return null;
        }
        if (http.User.Identity?.IsAuthenticated != true)
        {
            f = ListFilter.All;
        }
        return new ListView(f, s, string.IsNullOrWhiteSpace(site) ? null : site.Trim(), feed, string.IsNullOrWhiteSpace(folder) ? null : folder.Trim());
    }

    /// <summary>
    /// Fetches and stores the page: 201 when new, 200 with the article already saved from this
    /// URL (by anyone: it joins the caller's library without another fetch).
    /// </summary>
    private static async Task<IResult> SaveUrlAsync(SaveUrlRequest request, HttpContext http, UrlSaver saver, ArticleQueries articles, CancellationToken ct)
    {
        SavedUrl saved;
        var userId = http.User.UserId()!;
        try
        {
            saved = await saver.SaveAsync(userId, request.Url, ct);
        }
        catch (FetchException failure)
        {
            return ApiProblems.FetchFailed(failure);
        }
        var article = ToDetail((await articles.FindAsync(saved.Slug, userId, ct))!);
        return saved.Created
            ? TypedResults.Created($"/api/articles/{Uri.EscapeDataString(saved.Slug)}", article)
            : TypedResults.Ok(article);
    }

    private static ArticleListItem ToListItem(LibraryRow a, IReadOnlyList<string> tags) =>
        new(a.Slug, a.Title, a.Dateline, a.Source.Agency, a.WordCount, a.ReadingMinutes, a.IngestedRevision, a.IngestedAt,
            a.Source.Url, a.Source.SiteName, a.Source.Author, a.Source.Published, a.Source.Language,
            a.ListedAt, a.Excerpt, a.Annotations, a.Read, a.ProgressPercent, tags);

    private static ArticleDetail ToDetail(ArticleDocument d)
    {
        var a = d.Summary;
        return new(a.Slug, a.Title, a.Dateline, a.Source.Agency, a.WordCount, a.ReadingMinutes, a.Revision, a.IngestedAt,
            a.Source.Url, a.Source.SiteName, a.Source.Author, a.Source.Published, a.Source.Language,
            d.Text, d.Blocks.Select(b => new BlockDto(b.Kind, b.Start, b.End)).ToList());
    }
}
