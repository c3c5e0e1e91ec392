namespace NewsReader.Web.Fetching;

/// <summary>Why a fetch gave no usable document, named for the person who asked for it.</summary>
public enum FetchFailure
{
    /// <summary>Not an absolute http(s) URL: the request itself is wrong (400).</summary>
    InvalidUrl,
    /// <summary>The address is private, or a redirect left http(s): refused before connecting (422).</summary>
    Refused,
    /// <summary>The page answered 4xx (422).</summary>
    UpstreamClientError,
    /// <summary>The page answered 5xx (502).</summary>
    UpstreamServerError,
    /// <summary>No answer within the time limit (502).</summary>
    Timeout,
    /// <summary>No connection or a broken answer (502).</summary>
    Unreachable,
    /// <summary>More redirects than allowed (502).</summary>
    TooManyRedirects,
    /// <summary>The body passes the size cap (422).</summary>
    TooLarge,
    /// <summary>The document holds no article, or is not the kind asked for (422).</summary>
    NoArticle,
}

/// <summary>A fetch that failed for a reason the caller can show; never an unexpected error.</summary>
public sealed class FetchException(FetchFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public FetchFailure Failure { get; } = failure;

    /// <summary>The status a page answers a failed form with: the address was wrong (400), or what it led to was (422).</summary>
    public int FormStatus => Failure == FetchFailure.InvalidUrl ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
}
