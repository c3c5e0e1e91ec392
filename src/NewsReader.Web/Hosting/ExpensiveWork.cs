using System.Collections.Concurrent;

namespace NewsReader.Web.Hosting;

/// <summary>The kinds of expensive work, each with a pool of its own.</summary>
public enum ExpensiveKind
{
    /// <summary>Fetching from the web: saving a page, subscribing to or refreshing a feed.</summary>
    Fetching,

    /// <summary>Full-text search.</summary>
    Searching,

    /// <summary>Imports: annotations, OPML, libraries from other services, uploads.</summary>
    Importing,

    /// <summary>Comparing two revisions.</summary>
    Diffing,
}

/// <summary>
/// Marks an endpoint whose requests cost real CPU or network time, and of which
/// <see cref="ExpensiveKind"/>. Each kind is a pool of its own: at most
/// `NewsReader:Limits:ExpensivePerClient` requests of a kind run at once for one reader (the
/// signed-in account, else the client address; more answer 429) and
/// `NewsReader:Limits:ExpensiveTotal` of a kind for everyone (more answer 503), both with
/// Retry-After. So a crowd or one greedy script is turned away before the machine saturates,
/// a flood of one kind (searches) leaves room for the others (a save, a diff), and one reader
/// cannot take a whole pool while another waits. On a Razor Page model, or a minimal API with
/// <see cref="ExpensiveWorkSetup.LimitedAsExpensive{TBuilder}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ExpensiveWorkAttribute(ExpensiveKind kind) : Attribute
{
    public ExpensiveKind Kind { get; } = kind;

    /// <summary>Only posts are limited: for a page whose form does the costly work and whose GET is cheap.</summary>
    public bool PostsOnly { get; init; }
}

/// <summary>The concurrency limits on <see cref="ExpensiveWorkAttribute"/> endpoints, kept in one place: a pool per kind.</summary>
public sealed class ExpensiveWorkLimits(IConfiguration configuration)
{
    public const string PerClientKey = "NewsReader:Limits:ExpensivePerClient";
    public const string TotalKey = "NewsReader:Limits:ExpensiveTotal";

    private readonly Pool[] pools = Enum.GetValues<ExpensiveKind>().Select(_ => new Pool()).ToArray();

    private int PerClientLimit => configuration.GetValue(PerClientKey, 2);

    private int TotalLimit => configuration.GetValue(TotalKey, Math.Max(2, Environment.ProcessorCount * 2));

    /// <summary>A slot of <paramref name="kind"/> for the reader, or null with the status to answer (429 or 503).</summary>
    public (IDisposable? Slot, int Status) TryEnter(ExpensiveKind kind, string reader)
    {
        var pool = pools[(int)kind];
        var mine = pool.PerReader.AddOrUpdate(reader, 1, (_, n) => n + 1);
        if (mine > PerClientLimit)
        {
            pool.Leave(reader);
            return (null, StatusCodes.Status429TooManyRequests);
        }
        if (Interlocked.Increment(ref pool.Total) > TotalLimit)
        {
            Interlocked.Decrement(ref pool.Total);
            pool.Leave(reader);
            return (null, StatusCodes.Status503ServiceUnavailable);
        }
        return (new Slot(pool, reader), 0);
    }

    private sealed class Pool
    {
        public readonly ConcurrentDictionary<string, int> PerReader = new(StringComparer.Ordinal);
        public int Total;

        public void Leave(string reader)
        {
            if (PerReader.AddOrUpdate(reader, 0, (_, n) => n - 1) <= 0)
            {
                // Forget idle readers, unless another request came in meanwhile.
                PerReader.TryRemove(new KeyValuePair<string, int>(reader, 0));
            }
        }
    }

    private sealed class Slot(Pool pool, string reader) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref pool.Total);
                pool.Leave(reader);
            }
        }
    }
}

public static class ExpensiveWorkSetup
{
    public static IServiceCollection AddNewsReaderExpensiveWorkLimits(this IServiceCollection services) =>
        services.AddSingleton<ExpensiveWorkLimits>();

    /// <summary>Marks a minimal API endpoint as expensive work of <paramref name="kind"/>.</summary>
    public static TBuilder LimitedAsExpensive<TBuilder>(this TBuilder builder, ExpensiveKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ExpensiveWorkAttribute(kind));

    /// <summary>
    /// After authentication: holds a slot of the endpoint's kind for the request's whole run, or
    /// refuses it. A signed-in reader is counted by account, anyone else by address.
    /// </summary>
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
            var reader = http.User.UserId() is { } userId ? "user:" + userId : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            var (slot, status) = limits.TryEnter(expensive.Kind, reader);
            if (slot is null)
            {
                var (title, detail) = status == StatusCodes.Status429TooManyRequests
                    ? ("Too many requests at once", $"You already have {Described(expensive.Kind)} running. Wait for them, then try again.")
                    : ("Busy", $"The server is running as many {Described(expensive.Kind)} as it can. Try again in a moment.");
                await RefusalResponses.WriteAsync(http, status, title, detail, TimeSpan.FromSeconds(1));
                return;
            }
            using (slot)
            {
                await next(http);
            }
        });

    private static string Described(ExpensiveKind kind) => kind switch
    {
        ExpensiveKind.Fetching => "page saves and feed fetches",
        ExpensiveKind.Searching => "searches",
        ExpensiveKind.Importing => "imports",
        _ => "revision comparisons",
    };
}
