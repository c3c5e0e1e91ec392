
namespace NewsReader.Web.Feeds;

/// <summary>
/// `/api/feeds`: the signed-in reader's subscriptions (with their title, folder and unread
/// count), polling now, OPML import and export. Any reader may subscribe; an administrator may
/// also mark a feed shared, putting its items in everyone's library.
/// </summary>
public static class FeedsApi
{
    /// <summary>The body of `POST /api/feeds`.</summary>
    public sealed record SubscribeRequest(string? Url);

    /// <summary>The body of `PUT /api/feeds/{id}`: fields left out stay; `shared` is for administrators.</summary>
    public sealed record ChangeRequest(string? Title, string? Folder, bool? Shared);

    /// <summary>A subscription; <paramref name="LastError"/> is why the last poll failed, else the latest item whose page could not be fetched, and <paramref name="ItemErrors"/> counts those items.</summary>
    public sealed record FeedDto(int Id, string Title, string Url, string? SiteUrl, DateTime? LastFetched, string? LastError, int ArticleCount, DateTime NextPoll,
        string? Folder, int Unread, bool Shared, int ItemErrors);

    public sealed record RefreshDto(int Id, bool NotModified, int Added, int Revised, int Unchanged, int Failed, FeedDto Feed);

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feeds").WithTags("Feeds")
            .RequireAuthorization()
            .RequireAntiforgeryForCookies();

        group.MapGet("/", async (HttpContext http, FeedService feeds, CancellationToken ct) => (await feeds.ListAsync(UserId(http), ct)).Select(ToDto));
        group.MapPost("/", SubscribeAsync)
            .Produces<FeedDto>(StatusCodes.Status201Created).Produces<FeedDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapPost("/{id:int}/refresh", RefreshAsync)
            .Produces<RefreshDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapPut("/{id:int}", async Task<IResult> (int id, ChangeRequest request, HttpContext http, FeedService feeds, CancellationToken ct) =>
        {
            var administrator = http.User.IsInRole(Roles.Administrator);
            if (request.Shared is not null && !administrator)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Administrators only", detail: "Only an administrator can share a feed with every reader.");
            }
            return await feeds.ChangeAsync(UserId(http), administrator, id, new SubscriptionChange(request.Title, request.Folder, request.Shared), ct) is { } feed
                ? TypedResults.Ok(ToDto(feed))
                : FeedNotFound(id);
        }).Produces<FeedDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:int}", async Task<IResult> (int id, HttpContext http, FeedService feeds, CancellationToken ct) =>
            await feeds.UnsubscribeAsync(UserId(http), id, ct) ? TypedResults.NoContent() : FeedNotFound(id))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/opml", async (HttpContext http, FeedService feeds, CancellationToken ct) =>
            TypedResults.File(await feeds.ExportAsync(UserId(http), ct), Opml.ContentType, Opml.FileName))
            .Produces(StatusCodes.Status200OK, contentType: "text/x-opml");
        group.MapPost("/opml", ImportAsync).LimitedAsExpensive(ExpensiveKind.Importing)
            .Accepts<string>("text/x-opml", "application/xml", "text/xml")
            .Produces<OpmlImport>().ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> SubscribeAsync(SubscribeRequest request, HttpContext http, FeedService feeds, CancellationToken ct)
    {
        try
        {
            var (feed, created) = await feeds.SubscribeAsync(UserId(http), request.Url, ct);
            return created ? TypedResults.Created($"/api/feeds/{feed.Id}", ToDto(feed)) : TypedResults.Ok(ToDto(feed));
        }
        catch (FetchException failure)
        {
            return ApiProblems.FetchFailed(failure);
        }
    }

    /// <summary>Polls now, for a reader who follows the feed (or an administrator); anyone else is told there is no such feed.</summary>
    private static async Task<IResult> RefreshAsync(int id, HttpContext http, FeedService feeds, CancellationToken ct)
    {
        if (!http.User.IsInRole(Roles.Administrator) && !await feeds.FollowsAsync(UserId(http), id, ct))
        {
            return FeedNotFound(id);
        }
        FeedRefresh? refresh;
        try
        {
            refresh = await feeds.RefreshAsync(id, ct);
        }
        catch (FeedBusyException busy)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Feed is being polled", detail: busy.Message);
        }
        if (refresh is null)
        {
            return FeedNotFound(id);
        }
        if (refresh.Error is { } failure)
        {
            return ApiProblems.FetchFailed(failure);
        }
        var feed = ToDto((await feeds.FindAnyAsync(id, UserId(http), ct))!);
        return TypedResults.Ok(new RefreshDto(id, refresh.NotModified, refresh.Added, refresh.Revised, refresh.Unchanged, refresh.Failed, feed));
    }

    /// <summary>The OPML file is the request body, whatever its content type says.</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, HttpContext http, FeedService feeds, CancellationToken ct)
    {
        var tooLarge = $"The file is larger than {Opml.MaxBytes / (1024 * 1024)} MB.";
        if (request.ContentLength > Opml.MaxBytes)
        {
            return NotOpml(tooLarge);
        }
        if (await BoundedRead.ReadAtMostAsync(request.Body, Opml.MaxBytes, ct) is not { } body)
        {
            return NotOpml(tooLarge);
        }
        if (Opml.Read(new MemoryStream(body)) is not { } subscriptions)
        {
            return NotOpml("The body is not an OPML document (an <opml> root with a <body>).");
        }
        return TypedResults.Ok(await feeds.ImportAsync(UserId(http), subscriptions, ct));
    }

    private static IResult NotOpml(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an OPML file", detail: detail);

    private static IResult FeedNotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Feed not found", detail: $"No feed has the id {id}.");

    private static FeedDto ToDto(FeedSummary f) =>
        new(f.Id, f.Title, f.Url, f.SiteUrl, f.LastFetched, f.LastError, f.ArticleCount, f.NextPollAt, f.Folder, f.Unread, f.Shared, f.ItemErrors);

    private static string UserId(HttpContext http) => http.User.UserId()!;
}
