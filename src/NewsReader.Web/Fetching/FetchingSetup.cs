using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Fetching;

/// <summary>The one HTTP client for pages and feeds, with its limits and its address check.</summary>
public static class FetchingSetup
{
    public const string UserAgent = "NewsReader/1.0 (self-hosted news reader; fetches pages and feeds its readers asked for)";

    public static IServiceCollection AddNewsReaderFetching(this IServiceCollection services)
    {
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section);
        services.AddSingleton<PageFetcher>();
        services.AddHttpClient(PageFetcher.ClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(SourceFormats.AcceptHeader);
                // PageFetcher keeps the one time limit over redirects and body.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<IOptions<FetchOptions>>().Value))
            .AddStandardResilienceHandler()
            // One failing site must not open the circuit for every other site.
            .SelectPipelineByAuthority()
            .Configure((resilience, sp) =>
            {
                var timeout = sp.GetRequiredService<IOptions<FetchOptions>>().Value.Timeout;
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout + timeout;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * timeout.TotalSeconds + 1));
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = timeout / 15;
            });
        return services;
    }

    /// <summary>
    /// Redirects are left to <see cref="PageFetcher"/> so each hop is checked; no proxy, since
    /// the connect callback must see the address it really connects to; and that callback
    /// refuses private addresses at connect time, after its own DNS lookup.
    /// </summary>
    private static SocketsHttpHandler CreateHandler(FetchOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = options.Timeout,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (!options.AllowPrivateNetworks)
            {
                PageFetcher.RefusePrivate(host, addresses);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
