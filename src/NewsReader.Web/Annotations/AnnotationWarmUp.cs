using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Annotations;

/// <summary>
/// Runs the highlight path once after start-up, so the reader's first highlight does not pay for
/// JIT, EF Core query and save compilation and the first Razor renders (issue 22: the first one
/// took 400–700 ms, later ones under 80). It reads a W3C annotation, places it on an article's
/// text and, when an account exists, creates it inside a transaction that is rolled back: nothing
/// is stored. Then it asks this server, on the loopback address only, for an article page and its
/// fragments. Any failure is logged and ignored: warming is never worth a failed start.
/// </summary>
public sealed class AnnotationWarmUp(IServiceProvider services, IServer server, SeedIngestionStatus seeds, IConfiguration configuration,
    IHostEnvironment environment, ILogger<AnnotationWarmUp> logger) : BackgroundService
{
    /// <summary>`NewsReader:WarmUp`: on by default, off in the test host (hundreds of short-lived apps) unless a test turns it on.</summary>
    public const string Key = "NewsReader:WarmUp";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Key, !environment.IsEnvironment("Testing")))
        {
            return;
        }
        try
        {
            await seeds.Finished.WaitAsync(stoppingToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var slug = await WarmWritePathAsync(stoppingToken);
            if (slug is not null)
            {
                await WarmPagesAsync(slug, stoppingToken);
            }
            logger.LogInformation("Highlight path warmed in {Elapsed} ms", (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Warming the highlight path failed; the first highlight will be slower");
        }
    }

    private async Task<string?> WarmWritePathAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var article = await db.ArticleRevisions.OrderBy(r => r.Id).Select(r => new { r.Article.Slug, r.Text }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }
        var words = article.Text.Split((char[]?)null, 4, StringSplitOptions.RemoveEmptyEntries);
        var quote = string.Join(' ', words.Take(Math.Min(3, words.Length)));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = new object[]
            {
                new { type = "TextualBody", value = "warm *up*", format = "text/markdown", purpose = "commenting" },
                new { type = "TextualBody", value = "warm-up", purpose = "tagging" },
            },
            ["target"] = new { source = $"http://localhost/articles/{article.Slug}", styleClass = "yellow", selector = new object[] { new { type = "TextQuoteSelector", exact = quote } } },
        }));
        var (request, _) = W3cAnnotationJson.Read(json.RootElement);
        var annotations = scope.ServiceProvider.GetRequiredService<AnnotationService>();
        var owner = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (request is not null && owner is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await annotations.CreateAsync(owner, request.ArticleSlug, request.Draft, ct);
            if (outcome.Annotation is { } created)
            {
                W3cAnnotationJson.Write(created, "http://localhost").ToJsonString();
            }
            await transaction.RollbackAsync(ct);
        }
        else
        {
            await annotations.FindVisibleAsync(Guid.NewGuid(), owner, ct);
        }
        return article.Slug;
    }

    private async Task WarmPagesAsync(string slug, CancellationToken ct)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"), UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is not null && uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || uri.Host == "localhost"));
        if (address is null)
        {
            return; // HTTPS only, or not on loopback: the pages warm on their first visit instead
        }
        var loopback = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
        using var http = new HttpClient { BaseAddress = loopback, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in new[] { $"/articles/{slug}", $"/articles/{slug}?handler=Fragments" })
        {
            using var response = await http.GetAsync(path, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
        }
    }
}
