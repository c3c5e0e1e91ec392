using System.Collections.Concurrent;

namespace NewsReader.Web.Hosting;

/// <summary>
/// Marks an endpoint whose requests cost real CPU or network time (search, imports, diffs, saving a
/// page from the web): at most `NewsReader:Limits:ExpensivePerClient` of them run at once for
/// one client address (more answer 429) and `NewsReader:Limits:ExpensiveTotal` for everyone
/// (more answer 503), both with Retry-After, so a crowd or one greedy script is turned away
/// before the machine saturates. On a Razor Page model, or a minimal API with
/// <see cref="ExpensiveWorkLimits.LimitedAsExpensive{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpensiveWorkAttribute : Attribute
{
    /// <summary>Only posts are limited: for a page whose form does the costly work and whose GET is cheap.</summary>
    public bool PostsOnly { get; init; }
}

/// <summary>The concurrency limits on <see cref="ExpensiveWorkAttribute"/> endpoints, kept in one place.</summary>
public sealed class ExpensiveWorkLimits(IConfiguration configuration)
{
    public const string PerClientKey = "NewsReader:Limits:ExpensivePerClient";
    public const string TotalKey = "NewsReader:Limits:ExpensiveTotal";

    private readonly ConcurrentDictionary<string, int> perClient = new(StringComparer.Ordinal);
    private int total;

    private int PerClientLimit => configuration.GetValue(PerClientKey, 2);

    private int TotalLimit => configuration.GetValue(TotalKey, Math.Max(2, Environment.ProcessorCount * 2));

    /// <summary>A slot for the client, or null with the status to answer (429 or 503).</summary>
    public (IDisposable? Slot, int Status) TryEnter(string client)
    {
        var mine = perClient.AddOrUpdate(client, 1, (_, n) => n + 1);
        if (mine > PerClientLimit)
        {
            Leave(client);
            return (null, StatusCodes.Status429TooManyRequests);
        }
        if (Interlocked.Increment(ref total) > TotalLimit)
        {
            Interlocked.Decrement(ref total);
            Leave(client);
            return (null, StatusCodes.Status503ServiceUnavailable);
        }
        return (new Slot(this, client), 0);
    }

    private void Leave(string client)
    {
        if (perClient.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
        {
            // Forget idle clients, unless another request came in meanwhile.
            perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
        }
    }

    private sealed class Slot(ExpensiveWorkLimits limits, string client) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref limits.total);
                limits.Leave(client);
            }
        }
    }
}

public static class ExpensiveWorkSetup
{
    public static IServiceCollection AddNewsReaderExpensiveWorkLimits(this IServiceCollection services) =>
        services.AddSingleton<ExpensiveWorkLimits>();

    /// <summary>Marks a minimal API endpoint as expensive.</summary>
    public static TBuilder LimitedAsExpensive<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ExpensiveWorkAttribute());

    /// <summary>After routing: holds a slot for the request's whole run, or refuses it.</summary>
    public static IApplicationBuilder UseNewsReaderExpensiveWorkLimits(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var expensive = http.GetEndpoint()?.Metadata.GetMetadata<ExpensiveWorkAttribute>();
            if (expensive is null || HttpMethods.IsHead(http.Request.Method) || (expensive.PostsOnly && !HttpMethods.IsPost(http.Request.Method)))
            {
                await next(http);
                return;
            }
            var limits = http.RequestServices.GetRequiredService<ExpensiveWorkLimits>();
            var (slot, status) = limits.TryEnter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (slot is null)
            {
                var (title, detail) = status == StatusCodes.Status429TooManyRequests
                    ? ("Too many requests at once", "This address already has searches, imports, comparisons or page saves running. Wait for them, then try again.")
                    : ("Busy", "The server is running as many searches, imports, comparisons and page saves as it can. Try again in a moment.");
                await RefusalResponses.WriteAsync(http, status, title, detail, TimeSpan.FromSeconds(1));
                return;
            }
            using (slot)
            {
                await next(http);
            }
        });
}
