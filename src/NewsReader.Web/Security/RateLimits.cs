using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsReader.Web.Security;

/// <summary>
/// Limits log-in and registration attempts per client address, so a password cannot be
/// guessed at speed. Only posts count: reading the forms is free.
/// </summary>
public static class RateLimits
{
    public const string AuthPolicy = "auth";
    public const string PermitLimitKey = "NewsReader:RateLimit:AuthPermitLimit";
    public const string WindowSecondsKey = "NewsReader:RateLimit:AuthWindowSeconds";

    public static IServiceCollection AddNewsReaderRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AuthPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }
                var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue(PermitLimitKey, 10),
                    Window = TimeSpan.FromSeconds(configuration.GetValue(WindowSecondsKey, 60)),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
                await RefusalResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many attempts",
                    $"Too many log-in or registration attempts from this address. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    retryAfter);
            };
        });
        return services;
    }
}
