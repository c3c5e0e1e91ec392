using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Security;

/// <summary>
/// Findings 2, 4, 5 and 7 of issue 14 and the limits on expensive endpoints, on one app: each
/// failed before the fix (a 500, a write without antiforgery, a 412, ids under evil.example).
/// </summary>
public sealed class HardeningTests : IClassFixture<HardeningTests.App>
{
    public sealed class App : NewsReaderAppFactory
    {
        public App() => Settings[RateLimits.PermitLimitKey] = "1000";
    }

    private readonly App app;

    public HardeningTests(App app) => this.app = app;

    [Fact]
    public async Task Searches_past_the_per_client_or_total_limit_answer_429_or_503_with_retry_after()
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var client = app.CreateClient();
        try
        {
            configuration[ExpensiveWorkLimits.PerClientKey] = "0";
            var perClient = await client.GetAsync("/api/search?q=biden");
            var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/search?q=biden") { Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse("text/html") } } });
            configuration[ExpensiveWorkLimits.PerClientKey] = "4";
            configuration[ExpensiveWorkLimits.TotalKey] = "0";
            var total = await client.GetAsync("/api/search?q=biden");
            configuration[ExpensiveWorkLimits.TotalKey] = "8";
            var allowed = await client.GetAsync("/api/search?q=biden");

            Assert.Equal(HttpStatusCode.TooManyRequests, perClient.StatusCode);
            Assert.Equal("1", perClient.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", perClient.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
            Assert.Contains("Too many requests", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, total.StatusCode);
            Assert.True(total.Headers.Contains("Retry-After"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        finally
        {
            configuration[ExpensiveWorkLimits.PerClientKey] = null;
            configuration[ExpensiveWorkLimits.TotalKey] = null;
        }
    }

    [Fact]
    public async Task A_lower_case_bearer_header_beside_the_cookie_does_not_skip_antiforgery_and_a_real_token_works_in_any_case()
    {
        var browser = app.CreateClient();
        (await Forms.RegisterAsync(browser, "cookie@example.org")).EnsureSuccessStatusCode();
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/annotations") { Content = JsonContent.Create(new AnnotationBuilder().Build()) };
        forged.Headers.TryAddWithoutValidation("Authorization", "bearer x");

        var refused = await browser.SendAsync(forged);

        Assert.NotEqual(HttpStatusCode.Created, refused.StatusCode);
        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{refused.StatusCode}");

        var scripted = await ApiUsers.RegisterAsync(app, "token@example.org");
        var token = scripted.DefaultRequestHeaders.Authorization!.Parameter;
        var lower = app.CreateClient();
        lower.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bEARER " + token);
        Assert.Equal(HttpStatusCode.Created, (await lower.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Build())).StatusCode);
    }

    [Fact]
    public async Task Parallel_puts_without_if_match_all_succeed()
    {
        var client = await ApiUsers.RegisterAsync(app, "writer@example.org");
        var created = await new AnnotationBuilder().Note("first").CreateAsync(client);
        var path = created.IdPath();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            client.PutAsJsonAsync(path, new AnnotationBuilder().Note($"edit {i}").Build())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var final = await client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("\"25\"", (await client.GetAsync(path)).Headers.ETag?.Tag);
        Assert.StartsWith("edit ", final.GetProperty("body").EnumerateArray().First().GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_untrusted_host_header_does_not_become_the_base_of_emitted_urls()
    {
        var client = await ApiUsers.RegisterAsync(app, "host@example.org");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/annotations") { Content = JsonContent.Create(new AnnotationBuilder().Build()) };
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.ToString());
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());

        var export = new HttpRequestMessage(HttpMethod.Get, "/api/export?format=jsonld");
        export.Headers.Host = "evil.example";
        var exported = await client.SendAsync(export);

        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var body = await exported.Content.ReadAsStringAsync();
        Assert.Contains("/articles/", body);
        Assert.DoesNotContain("evil.example", body);
    }
}

/// <summary>Finding 2 of issue 14: a refused request once answered 500 when its Accept header excluded JSON.</summary>
public sealed class RateLimitResponseTests(RateLimitResponseTests.App app) : IClassFixture<RateLimitResponseTests.App>
{
    public sealed class App : NewsReaderAppFactory
    {
        public App() : base(withSeed: false)
        {
            Settings[RateLimits.PermitLimitKey] = "1";
            Settings["FORWARDEDHEADERS_ENABLED"] = "true";
        }
    }

    private static int nextAddress;

    [Theory]
    [InlineData("/account/login", "text/html", "text/html", "Too many requests")]
    [InlineData("/api/auth/login", "text/html", "text/plain", "Too many attempts")]
    [InlineData("/api/auth/login", "text/plain", "text/plain", "Too many attempts")]
    [InlineData("/api/auth/login", "application/json", "application/problem+json", "Too many attempts")]
    public async Task A_rate_limited_request_gets_a_429_in_a_form_its_accept_header_takes(string path, string accept, string contentType, string text)
    {
        // One post is allowed per address; each case comes from its own address.
        var address = $"192.0.2.{Interlocked.Increment(ref nextAddress)}";
        var client = app.CreateClient();
        await client.SendAsync(Post(path, accept, address));

        var response = await client.SendAsync(Post(path, accept, address));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, await response.Content.ReadAsStringAsync());
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
    }

    private static HttpRequestMessage Post(string path, string accept, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { email = "x@example.org", password = "wrong" }) };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }
}
