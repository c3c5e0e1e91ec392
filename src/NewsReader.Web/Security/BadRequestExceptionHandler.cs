using Microsoft.AspNetCore.Diagnostics;

namespace NewsReader.Web.Security;

/// <summary>
/// Turns a request the API cannot bind (malformed JSON, a wrong type) into a 400 problem that
/// says why, instead of an empty 400 or a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.InnerException is System.Text.Json.JsonException json ? $"{bad.Message} {json.Message}"
                    // Minimal APIs say this when a JSON body is missing or `null`; readers need no framework advice.
                    : bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal)
                        ? "The request needs a JSON body."
                        : bad.Message,
            },
        });
    }
}
