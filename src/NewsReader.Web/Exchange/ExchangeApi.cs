using System.Text.Json;

namespace NewsReader.Web.Exchange;

/// <summary>
/// `GET /api/export` downloads the signed-in reader's annotations (Markdown, JSON-LD, CSV or
/// HTML); `POST /api/import` takes W3C or Hypothesis JSON and answers what it did.
/// </summary>
public static class ExchangeApi
{
    public static IEndpointRouteBuilder MapExchange(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Export and import").RequireAuthorization().RequireAntiforgeryForCookies();

        group.MapGet("/export", ExportAsync)
            .WithSummary("Download my annotations")
            .WithDescription("format: markdown, jsonld, csv or html; article: one article's slug (all articles when left out); include=public adds other readers' public annotations.")
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/import", ImportAsync).LimitedAsExpensive(ExpensiveKind.Importing)
            .WithSummary("Import annotations")
            .WithDescription("The body is a W3C Annotation, an AnnotationCollection with its pages, or a Hypothesis API search result ({\"total\", \"rows\"}). "
                + "Annotations by someone else (a W3C creator that is not you, a Hypothesis user other than hypothesisAccount) come in private, named in importedFrom; "
                + "hypothesisAccount (acct:name@host) is your own Hypothesis account, whose rows keep their visibility.")
            // Any content type: files arrive as text/plain, octet-stream or nothing at all.
            .Accepts<JsonElement>("application/json", "application/ld+json", "*/*")
            .Produces<ImportSummary>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> ExportAsync(string? format, string? article, string? include, HttpContext http, AnnotationExporter exporter, TimeProvider clock)
    {
        if (ExportFormats.Parse(format) is not { } chosen)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown format", $"Choose format={string.Join(", ", ExportFormats.Names)}.");
        }
        if (include is not (null or "" or "public"))
        {
            return Problem(StatusCodes.Status400BadRequest, "Unknown include", "include=public adds other readers' public annotations; nothing else can be included.");
        }
        var slug = string.IsNullOrWhiteSpace(article) ? null : article;
        var scope = new ExportScope(http.User.UserId()!, slug, include == "public");
        var set = await exporter.LoadAsync(scope, BaseUrl(http), http.RequestAborted);
        if (set is null)
        {
            return ApiProblems.ArticleNotFound(slug!);
        }
        var fileName = ExportFormats.FileName(chosen, slug, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Stream(stream => exporter.WriteAsync(set, chosen, stream, http.RequestAborted), chosen.ContentType, fileName);
    }

    /// <summary>
    /// The file is the request body, whatever its content type says; <c>?hypothesisAccount=acct:name@host</c>
    /// names the reader's own Hypothesis account, whose rows keep their visibility (anyone else's come in private).
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, AnnotationImporter importer, string? hypothesisAccount, CancellationToken ct)
    {
        var (summary, refusal) = await importer.ImportAsync(request.HttpContext.User.UserId()!, request.Body, request.ContentLength, ct, hypothesisAccount);
        return refusal is { } r ? Problem(r.Status, r.Title, r.Detail) : TypedResults.Ok(summary);
    }

    private static IResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    // Never the Host header (see PublicUrls): the export's ids and links must not name a site the client chose.
    private static string BaseUrl(HttpContext http) => http.RequestServices.GetRequiredService<PublicUrls>().BaseUrl;
}
