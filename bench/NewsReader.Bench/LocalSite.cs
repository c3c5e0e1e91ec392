using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// A web site on 127.0.0.1 and a free port that the bench starts beside the app, serving feeds and
/// pages the app is asked to fetch (run the app with `--NewsReader:Fetch:AllowPrivateNetworks=true`).
/// A body is made on each request, so a feed can change from one poll to the next.
/// </summary>
internal sealed class LocalSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, (string ContentType, Func<byte[]> Body)> routes = new(StringComparer.Ordinal);

    private LocalSite(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<LocalSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new LocalSite(app);
        app.Run(async context =>
        {
            if (!site.routes.TryGetValue(context.Request.Path, out var route))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var body = route.Body();
            context.Response.ContentType = route.ContentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        site.BaseUrl = app.Urls.First().TrimEnd('/');
        return site;
    }

    /// <summary>Serves what <paramref name="body"/> makes at <paramref name="path"/>; the address to give the app.</summary>
    public string Serve(string path, string contentType, Func<string> body)
    {
        routes[path] = (contentType, () => Encoding.UTF8.GetBytes(body()));
        return BaseUrl + path;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
