using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

/// <summary>
/// Log-in and registration say nothing about which accounts exist, and repeated failures slow
/// the guesser's address without locking the owner out (finding 6 of issue 14).
/// </summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new(withSeed: false);
    private readonly ManualClock clock = new();

    public async Task InitializeAsync()
    {
        app.Replacements.Add(services => services.AddSingleton<TimeProvider>(clock));
        app.Settings[RateLimits.PermitLimitKey] = "1000";
        app.Settings["FORWARDEDHEADERS_ENABLED"] = "true";
        var registered = await app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "owner@example.org", password = TestUsers.Password });
        registered.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Log_in_and_registration_answer_alike_for_existing_and_unknown_accounts()
    {
        var client = app.CreateClient();

        var known = await LogInAsync(client, "owner@example.org", "wrong-password", "192.0.2.1");
        var unknown = await LogInAsync(client, "nobody@example.org", "wrong-password", "192.0.2.1");
        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = "owner@example.org", password = TestUsers.Password });
        var fresh = await client.PostAsJsonAsync("/api/auth/register", new { email = "new@example.org", password = TestUsers.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
        Assert.Equal(await Problem(unknown), await Problem(known));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(fresh.StatusCode, again.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var page = await Forms.LoginAsync(app.CreateClient(), "owner@example.org", "wrong-password");
        var unknownPage = await Forms.LoginAsync(app.CreateClient(), "nobody@example.org", "wrong-password");
        Assert.Equal((await HtmlDocument.ParseAsync(unknownPage)).QuerySelector(".form-errors")!.TextContent,
            (await HtmlDocument.ParseAsync(page)).QuerySelector(".form-errors")!.TextContent);
    }

    [Fact]
    public async Task Failures_slow_the_guessing_address_while_the_owner_logs_in_from_their_own_and_hears_of_them()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 8; i++)
        {
            await LogInAsync(client, "owner@example.org", "wrong-password", "203.0.113.66");
        }

        var guessedRight = await LogInAsync(client, "owner@example.org", TestUsers.Password, "203.0.113.66");
        var owner = await LogInAsync(client, "owner@example.org", TestUsers.Password, "198.51.100.7");
        clock.Advance(SignInThrottle.MaxWait);
        var afterWaiting = await LogInAsync(client, "owner@example.org", TestUsers.Password, "203.0.113.66");

        Assert.Equal(HttpStatusCode.Unauthorized, guessedRight.StatusCode);
        Assert.DoesNotContain("LockedOut", await guessedRight.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterWaiting.StatusCode);
    }

    [Fact]
    public async Task The_owner_is_told_of_failed_attempts_at_the_next_log_in_on_the_page()
    {
        await Forms.RegisterAsync(app.CreateClient(), "reader@example.org");
        await Forms.LoginAsync(app.CreateClient(), "reader@example.org", "wrong-password");
        await Forms.LoginAsync(app.CreateClient(), "reader@example.org", "wrong-password");

        var page = await HtmlDocument.ParseAsync(await Forms.LoginAsync(app.CreateClient(), "reader@example.org"));

        Assert.Contains("2 failed log-in attempts", page.QuerySelector(".sign-in-notice")!.TextContent);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(7, 4)]
    [InlineData(40, 60)]
    public void The_wait_grows_from_the_fifth_failure_up_to_a_minute(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.Wait(failures));
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    private static async Task<string> Problem(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{(int)response.StatusCode} {problem.GetProperty("title").GetString()} {(problem.TryGetProperty("detail", out var detail) ? detail.GetString() : "")}";
    }

    /// <summary>
    /// The wall clock stopped at the test's start, moved only on demand: a throttle's wait must not
    /// run out (or not) by how fast a busy machine answers the requests before it. Timestamps
    /// (durations, timers) stay real.
    /// </summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = TimeProvider.System.GetUtcNow();

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
