using System.Globalization;
using System.Text.Json;

namespace NewsReader.Web.Annotations;

/// <summary>
/// `/api/annotations`: W3C Web Annotations in JSON-LD. Reads are open to anyone for public
/// annotations; writes need an account (cookie with antiforgery token, or bearer token).
/// </summary>
public static class AnnotationsApi
{
    public static IEndpointRouteBuilder MapAnnotations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/annotations").WithTags("Annotations").RequireAntiforgeryForCookies();

        group.MapGet("/", ListAsync)
            .Produces<W3cCollectionShape>(StatusCodes.Status200OK, W3cAnnotationJson.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}", GetAsync)
            .Produces<W3cAnnotationShape>(StatusCodes.Status200OK, W3cAnnotationJson.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).RequireAuthorization()
            .Accepts<W3cAnnotationShape>("application/ld+json", "application/json")
            .Produces<W3cAnnotationShape>(StatusCodes.Status201Created, W3cAnnotationJson.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization()
            .Accepts<W3cAnnotationShape>("application/ld+json", "application/json")
            .Produces<W3cAnnotationShape>(StatusCodes.Status200OK, W3cAnnotationJson.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization()
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/restore", RestoreAsync).RequireAuthorization()
            .Produces<W3cAnnotationShape>(StatusCodes.Status200OK, W3cAnnotationJson.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(string? article, HttpContext http, AnnotationService annotations, ArticleQueries articles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(article))
        {
            return Problem(StatusCodes.Status400BadRequest, "Article required", "Name the article: /api/annotations?article={slug}.");
        }
        var title = await articles.TitleAsync(article, http.User.UserId(), ct);
        var list = title is null ? null : await annotations.ListForArticleAsync(article, UserId(http), ct);
        if (title is null || list is null)
        {
            return ApiProblems.ArticleNotFound(article);
        }
        return LinkedData(W3cAnnotationJson.WriteCollection(list, BaseUrl(http), article, title).ToJsonString());
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, AnnotationService annotations, CancellationToken ct)
    {
        var annotation = await annotations.FindVisibleAsync(id, UserId(http), ct);
        return annotation is null ? NotFound() : Representation(http, annotation, StatusCodes.Status200OK);
    }

    private static async Task<IResult> CreateAsync(JsonElement body, HttpContext http, AnnotationService annotations, CancellationToken ct)
    {
        var (request, problem) = W3cAnnotationJson.Read(body);
        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid annotation", problem!);
        }
        var outcome = await annotations.CreateAsync(UserId(http)!, request.ArticleSlug, request.Draft, ct);
        if (outcome.Failure is { } failure)
        {
            return Problem(failure);
        }
        http.Response.Headers.Location = $"{BaseUrl(http)}/api/annotations/{outcome.Annotation!.Id}";
        return Representation(http, outcome.Annotation, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(Guid id, JsonElement body, HttpContext http, AnnotationService annotations, CancellationToken ct)
    {
        var (request, problem) = W3cAnnotationJson.Read(body);
        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid annotation", problem!);
        }
        // No If-Match (or "*") means "whatever is there"; an unreadable one can match nothing.
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var expected = ifMatch is "" or "*" ? null : VersionsOf(ifMatch);
        var outcome = await annotations.UpdateAsync(id, UserId(http)!, request.Draft, expected, ct, request.ArticleSlug);
        return outcome.Failure is { } failure ? Problem(failure) : Representation(http, outcome.Annotation!, StatusCodes.Status200OK);
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, AnnotationService annotations, CancellationToken ct) =>
        await annotations.DeleteAsync(id, UserId(http)!, ct) ? TypedResults.NoContent() : NotFound();

    /// <summary>Undo of a delete: the owner's annotation back with its id, note and tags.</summary>
    private static async Task<IResult> RestoreAsync(Guid id, HttpContext http, AnnotationService annotations, CancellationToken ct)
    {
        var outcome = await annotations.RestoreAsync(id, UserId(http)!, ct);
        if (outcome.Failure is { } failure)
        {
            return Problem(failure);
        }
        http.Response.Headers.Location = $"{BaseUrl(http)}/api/annotations/{id}";
        return Representation(http, outcome.Annotation!, StatusCodes.Status201Created);
    }

    private static IResult Representation(HttpContext http, Annotation annotation, int status)
    {
        http.Response.Headers.ETag = ETag(annotation);
        return LinkedData(W3cAnnotationJson.Write(annotation, BaseUrl(http)).ToJsonString(), status);
    }

    /// <summary>The strong ETag of an annotation's current version.</summary>
    public static string ETag(Annotation annotation) => $"\"{annotation.Version.ToString(CultureInfo.InvariantCulture)}\"";

    // If-Match may list several ETags; any of them matching will do. It compares strongly: a
    // weak validator never matches, and an unreadable list matches nothing.
    private static List<int> VersionsOf(string ifMatch) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries)
            .Where(tag => !tag.StartsWith("W/", StringComparison.Ordinal))
            .Select(tag => int.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1)
            .Where(version => version >= 0)
            .ToList();

    private static IResult LinkedData(string json, int status = StatusCodes.Status200OK) =>
        Results.Text(json, W3cAnnotationJson.MediaType, System.Text.Encoding.UTF8, status);

    private static IResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, "Annotation not found", "There is no annotation with this id that you may see.");

    private static IResult Problem(AnnotationFailure failure) => Problem(failure.Status, failure.Title, failure.Detail);

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    private static string? UserId(HttpContext http) => http.User.UserId();

    private static string BaseUrl(HttpContext http) => http.RequestServices.GetRequiredService<PublicUrls>().BaseUrl;
}
