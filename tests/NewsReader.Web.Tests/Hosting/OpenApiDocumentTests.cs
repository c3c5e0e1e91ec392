using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Hosting;

/// <summary>`/openapi/v1.json` describes every `/api` route the app maps; `/api/docs` is for signed-in readers.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private JsonElement document;

    public async Task InitializeAsync()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public void Every_mapped_api_route_and_method_is_in_the_document()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            // The reference page is a page for people, not part of the API it describes.
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/docs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Path: PathOf(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .Distinct()
            .ToList();
        var paths = document.GetProperty("paths");

        Assert.True(routes.Count >= 25, $"only {routes.Count} API routes found");
        var missing = routes.Where(r => !paths.TryGetProperty(r.Path, out var item) || !item.TryGetProperty(r.Method, out _)).ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing.Select(m => $"{m.Method.ToUpperInvariant()} {m.Path}")));
    }

    [Fact]
    public void Operations_name_their_shapes_and_problem_responses()
    {
        var paths = document.GetProperty("paths");
        var import = paths.GetProperty("/api/import").GetProperty("post");
        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/ld+json", out _));
        var summary = import.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Contains("ImportSummary", summary.GetProperty("$ref").GetString());
        foreach (var status in new[] { "400", "401", "413" })
        {
            Assert.True(import.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
        var create = paths.GetProperty("/api/annotations").GetProperty("post");
        var annotation = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/ld+json").GetProperty("schema");
        Assert.True(annotation.GetProperty("properties").TryGetProperty("target", out _));
        Assert.Equal(["@context", "type", "target"], annotation.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.True(create.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_reference_page_is_for_signed_in_readers()
    {
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.OriginalString);

        var reader = app.CreateClient();
        (await Forms.RegisterAsync(reader, "reader@example.org")).EnsureSuccessStatusCode();
        var page = await reader.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", await page.Content.ReadAsStringAsync());
    }

    /// <summary>`/api/annotations/{id:guid}` as OpenAPI writes it: `/api/annotations/{id}`.</summary>
    private static string PathOf(string raw) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(raw.Trim('/'), @"\{([^}:?=]+)[^}]*\}", "{$1}");
}
