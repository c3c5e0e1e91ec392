using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace NewsReader.Web.Security;

/// <summary>
/// Refusals written by middleware (rate and concurrency limits), in the form the client
/// reads: problem details for the API and for clients that accept JSON, the status page for
/// browsers (left to the status-page middleware, which renders it when the body is empty), and
/// plain text for everyone else. IProblemDetailsService.WriteAsync throws when no writer suits
/// the Accept header; this never does.
/// </summary>
public static class RefusalResponses
{
    public static async Task WriteAsync(HttpContext http, int status, string title, string detail, TimeSpan? retryAfter = null)
    {
        var response = http.Response;
        response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.Headers.RetryAfter = seconds;
            // The status page re-runs the request and may reset headers; say it again as the response starts.
            response.OnStarting(() =>
            {
                response.Headers.RetryAfter = seconds;
                return Task.CompletedTask;
            });
        }
        if (!WebSetup.IsApi(http.Request.Path) && WantsPage(http.Request))
        {
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"{title}\n{detail}\n", http.RequestAborted);
        }
    }

    private static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
