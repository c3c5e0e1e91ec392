
namespace NewsReader.Web.Hosting;

/// <summary>Problem responses more than one endpoint group gives.</summary>
public static class ApiProblems
{
    public static IResult ArticleNotFound(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the slug '{slug}'.");

    /// <summary>
    /// A fetch that failed, as the problem its reader can act on: 400 for a URL that is not one,
    /// 422 when the address or what it serves cannot be used, 502 when the other server failed.
    /// `reason` names the failure for scripts.
    /// </summary>
    public static IResult FetchFailed(FetchException failure)
    {
        var (status, title) = failure.Failure switch
        {
            FetchFailure.InvalidUrl => (StatusCodes.Status400BadRequest, "Malformed URL"),
            FetchFailure.Refused => (StatusCodes.Status422UnprocessableEntity, "Address refused"),
            FetchFailure.UpstreamClientError => (StatusCodes.Status422UnprocessableEntity, "The page answered with an error"),
            FetchFailure.TooLarge => (StatusCodes.Status422UnprocessableEntity, "The page is too large"),
            FetchFailure.NoArticle => (StatusCodes.Status422UnprocessableEntity, "No article found"),
            FetchFailure.UpstreamServerError => (StatusCodes.Status502BadGateway, "The page's server failed"),
            FetchFailure.Timeout => (StatusCodes.Status502BadGateway, "The page timed out"),
            FetchFailure.TooManyRedirects => (StatusCodes.Status502BadGateway, "Too many redirects"),
            _ => (StatusCodes.Status502BadGateway, "The page could not be reached"),
        };
        return TypedResults.Problem(statusCode: status, title: title, detail: failure.Message,
            extensions: new Dictionary<string, object?> { ["reason"] = ReasonName(failure.Failure) });
    }

    /// <summary>The failure as the API spells it: "timeout", "tooManyRedirects", ...</summary>
    private static string ReasonName(FetchFailure failure) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(failure.ToString());
}
