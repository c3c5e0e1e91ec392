using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// A small web site on 127.0.0.1 and a free port, started by a test, serving the pages and feeds
/// the test puts on it; it records each request (path and conditional headers) for the test to check.
/// </summary>
public sealed class FixtureWebServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.Ordinal);

    public ConcurrentQueue<FixtureRequest> Requests { get; } = new();

    public string BaseUrl { get; }

    private FixtureWebServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FixtureWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FixtureWebServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Urls.First();
        server = new FixtureWebServer(app, address.TrimEnd('/'));
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>; with an ETag, answers 304 to a matching If-None-Match.</summary>
    public void Serve(string path, string contentType, string body, string? etag = null, string? lastModified = null) =>
        routes[path] = async context =>
        {
            if (etag is not null && context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            if (lastModified is not null && context.Request.Headers.IfModifiedSince.ToString() == lastModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
            }
            if (lastModified is not null)
            {
                context.Response.Headers.LastModified = lastModified;
            }
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        };

    public void Handle(string path, Func<HttpContext, Task> handler) => routes[path] = handler;

    public void Redirect(string path, string location, int status = StatusCodes.Status302Found) =>
        routes[path] = context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

    public int CountOf(string path) => Requests.Count(r => r.Path == path);

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(new FixtureRequest(request.Path + request.QueryString, request.Headers.IfNoneMatch.ToString(),
            request.Headers.IfModifiedSince.ToString(), request.Headers.UserAgent.ToString(), request.Headers.Accept.ToString()));
        if (routes.TryGetValue(request.Path + request.QueryString, out var handler) || routes.TryGetValue(request.Path, out handler))
        {
            return handler(context);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One request the fixture server saw.</summary>
public sealed record FixtureRequest(string Path, string IfNoneMatch, string IfModifiedSince, string UserAgent, string Accept = "");
