using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace NewsReader.Web.Security;

/// <summary>
/// The last resort for the JSON API: an unexpected failure answers a 500 problem with a trace
/// id (the exception itself is logged, never sent), not the HTML error page meant for people.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the middleware has pointed the request at /Error; the feature keeps the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        if (!WebSetup.IsApi(path))
        {
            return false;
        }
        // Since .NET 10 the middleware stays quiet about an exception a handler took, so the
        // promise below ("it has been logged") is kept here.
        logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on the server",
                Detail = "The request was not completed. It has been logged; quote the trace id if you report it.",
                Extensions = { ["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier },
            },
        });
    }
}
