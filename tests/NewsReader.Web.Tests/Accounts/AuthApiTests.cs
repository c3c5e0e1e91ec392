using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

/// <summary>
/// One app for the class: each test signs up an address of its own (the sign-up rate limit,
/// tested in <see cref="RateLimitTests"/>, is raised so the class's many sign-ups never meet it).
/// </summary>
public sealed class AuthApiTests(ManyReadersAppFactory app) : IClassFixture<ManyReadersAppFactory>
{

    [Fact]
    public async Task Register_login_and_refresh_give_a_bearer_token_the_api_accepts()
    {
        var client = app.CreateClient();

        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email = "script@example.org", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "script@example.org", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = tokens.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(accessToken));

        var info = new HttpRequestMessage(HttpMethod.Get, "/api/auth/manage/info");
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var me = await client.SendAsync(info);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("script@example.org", (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.False(string.IsNullOrEmpty((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_not_a_redirect()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/auth/manage/info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"email\": \"a@example.org\", \"password\": ", "could not be read")]
    [InlineData("not json at all", "could not be read")]
    [InlineData("{\"email\": \"a@example.org\", \"password\": \"short\"}", "Password")]
    [InlineData("{\"email\": \"\", \"password\": \"Correct-Horse-9\"}", "mail")]
    public async Task Bad_registrations_are_problem_details_400_with_a_reason(string body, string reason)
    {
        var response = await app.CreateClient().PostAsync("/api/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_duplicate_email_answers_as_a_new_one_but_a_weak_password_is_still_a_problem()
    {
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/auth/register", new { email = "dup@example.org", password = TestUsers.Password });

        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = "dup@example.org", password = TestUsers.Password });
        var weak = await client.PostAsJsonAsync("/api/auth/register", new { email = "dup@example.org", password = "short" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.DoesNotContain("Duplicate", await weak.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/articles")]
    [InlineData("/healthz")]
    public async Task Security_headers_are_on_pages_and_the_api(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_logs()
    {
        var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/auth/register", new { email = "quiet@example.org", password = TestUsers.Password });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "quiet@example.org", password = TestUsers.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        await Forms.LoginAsync(app.CreateClient(), "quiet@example.org");

        var everything = string.Join("\n", app.Logs.Entries.Select(e => e.Message));
        Assert.Contains("HTTP \"POST\" \"/api/auth/login\" responded 200", everything);
        Assert.Contains("HTTP \"POST\" \"/account/login\" responded 302", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestUsers.Password, everything);
        Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain(ApiAntiforgery.HeaderName, everything);
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();

    public Task InitializeAsync()
    {
        app.Settings[RateLimits.PermitLimitKey] = "3";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_log_ins_answer_429_with_retry_after()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "wrong" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "wrong" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);

        var page = await Forms.LoginAsync(client, "nobody@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Fact]
    public async Task A_forged_forwarded_for_header_does_not_escape_the_limit_unless_forwarded_headers_are_enabled()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await LogInFromAsync(client, $"203.0.113.{i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LogInFromAsync(client, "203.0.113.99")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_proxy_with_forwarded_headers_enabled_each_client_address_has_its_own_limit()
    {
        app.Settings["FORWARDEDHEADERS_ENABLED"] = "true";
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LogInFromAsync(client, "203.0.113.7")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LogInFromAsync(client, "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInFromAsync(client, "198.51.100.4")).StatusCode);
    }

    private static Task<HttpResponseMessage> LogInFromAsync(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "nobody@example.org", password = "wrong" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
