namespace NewsReader.Web.Api;

/// <summary>Problem responses more than one endpoint group gives.</summary>
public static class ApiProblems
{
    public static IResult ArticleNotFound(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the slug '{slug}'.");
}
