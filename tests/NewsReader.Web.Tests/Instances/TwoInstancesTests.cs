using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Instances;

/// <summary>
/// Two instances of the app, each a real Kestrel server on its own 127.0.0.1 port, on one
/// PostgreSQL database, as behind a reverse proxy: they start together, ingest the shared
/// seeds once, see each other's writes and accept each other's cookies and tokens.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory first = Instance();
    private NewsReaderAppFactory second = null!;

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }
        second = Instance();
        second.Settings["ConnectionStrings:NewsReader"] = first.ConnectionString;
        second.Settings[IngestionSetup.SeedsPathKey] = first.SeedsFolder;
        // Started together, so that both race to migrate and to ingest.
        await Task.WhenAll(Task.Run(first.StartServer), Task.Run(second.StartServer));
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }
        await first.DisposeAsync();
    }

    [PostgresFact]
    public async Task Both_start_the_seed_is_ingested_once_and_each_sees_the_others_writes_and_sign_ins()
    {
        var a = Client(first);
        var b = Client(second);
        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/healthz/ready")).StatusCode);

        // One instance added the seed; the other, waiting for the lock, found it unchanged.
        Assert.Equal(1, await CountAsync("Articles"));
        Assert.Equal(1, await CountAsync("ArticleRevisions"));
        var added = first.Logs.Entries.Concat(second.Logs.Entries).Count(e => e.Message.Contains("Ingested") && e.Message.Contains("1 added"));
        Assert.Equal(1, added);
        Assert.Single((await a.GetFromJsonAsync<JsonElement>("/api/articles")).EnumerateArray());

        // An annotation written through one is found by search on the other, with the token the first issued.
        (await a.PostAsJsonAsync("/api/auth/register", new { email = "both@example.org", password = TestUsers.Password })).EnsureSuccessStatusCode();
        var tokenLogin = await a.PostAsJsonAsync("/api/auth/login", new { email = "both@example.org", password = TestUsers.Password });
        var token = (await tokenLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        a.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        b.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var written = await new AnnotationBuilder().Quote("Rose Garden").Note("Zanzibarine shared between instances").CreateAsync(a);
        var found = await b.GetFromJsonAsync<JsonElement>("/api/search?q=zanzibarine");
        Assert.Equal(written.IdPath().Split('/').Last(), found.GetProperty("annotations")[0].GetProperty("id").GetString());

        // A cookie issued by one is accepted by the other.
        var anonymous = Client(first);
        var cookieLogin = await anonymous.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "both@example.org", password = TestUsers.Password });
        var cookie = cookieLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.AuthCookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", cookie);
        // The header names the reader by display name; the address is in its title.
        var signedInAs = (await HtmlDocument.ParseAsync(await Client(second).SendAsync(page))).QuerySelector("header [data-testid=current-user]");
        Assert.Equal("both@example.org", signedInAs?.GetAttribute("title"));
    }

    [PostgresFact]
    public async Task Failed_log_ins_counted_by_one_instance_slow_the_same_address_on_the_other()
    {
        var a = first.CreateClient();
        var b = second.CreateClient();
        (await a.PostAsJsonAsync("/api/auth/register", new { email = "guarded@example.org", password = TestUsers.Password })).EnsureSuccessStatusCode();
        for (var i = 0; i < SignInThrottle.FreeFailures + 3; i++)
        {
            var client = i % 2 == 0 ? a : b;
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "guarded@example.org", password = "wrong-password" })).StatusCode);
        }

        // The right password, on the other instance, inside the wait both now impose: refused.
        var during = await b.PostAsJsonAsync("/api/auth/login", new { email = "guarded@example.org", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, during.StatusCode);
    }

    /// <summary>A client of the instance's real socket, without a cookie jar (the test carries cookies itself).</summary>
    private static HttpClient Client(NewsReaderAppFactory instance) =>
        instance.CreateClient(new() { HandleCookies = false, BaseAddress = instance.ClientOptions.BaseAddress });

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await first.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        // The table names are this test's own constants.
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static NewsReaderAppFactory Instance()
    {
        var app = new NewsReaderAppFactory();
        app.Settings[NewsReader.Web.Security.RateLimits.PermitLimitKey] = "1000";
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        return app;
    }
}
