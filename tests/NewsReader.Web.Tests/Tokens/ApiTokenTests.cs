using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Tokens;

/// <summary>Personal API tokens: made on `/settings/tokens`, used as bearer tokens, read-only, revoked, expired.</summary>
public sealed class ApiTokenTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient browser = null!;

    public async Task InitializeAsync()
    {
        browser = app.CreateClient();
        (await Forms.RegisterAsync(browser, "ada@example.org")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<string> CreateTokenAsync(string name, bool readOnly = false)
    {
        var fields = new Dictionary<string, string> { ["Name"] = name };
        if (readOnly)
        {
            fields["ReadOnly"] = "true";
        }
        var response = await Forms.SubmitAsync(browser, "/settings/tokens", fields, "main form.stacked-form");
        response.EnsureSuccessStatusCode();
        var page = await HtmlDocument.ParseAsync(response);
        return page.QuerySelector("[data-testid=token-secret]")!.TextContent.Trim();
    }

    private HttpClient Script(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_is_shown_once_stored_hashed_and_works_on_reads_and_writes()
    {
        var token = await CreateTokenAsync("backup script");

        Assert.StartsWith("nrt_", token);
        var script = Script(token);
        var created = await script.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Note("by script").Build());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/articles/" + AnnotationBuilder.SeedSlug + "/state")).StatusCode);

        var list = await HtmlDocument.GetAsync(browser, "/settings/tokens");
        Assert.Null(list.QuerySelector("[data-testid=token-secret]"));
        Assert.DoesNotContain(token, list.Body!.InnerHtml);
        var row = Assert.Single(list.QuerySelectorAll("[data-testid=token-row]"));
        Assert.Contains("backup script", row.TextContent);
        Assert.DoesNotContain("never", row.QuerySelectorAll("td")[4].TextContent);

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<NewsReaderDb>().ApiTokens.SingleAsync();
        Assert.NotEqual(token, stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
        Assert.NotNull(stored.LastUsed);
    }

    [Fact]
    public async Task A_read_only_token_reads_but_every_write_is_403()
    {
        var script = Script(await CreateTokenAsync("dashboard", readOnly: true));

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/export?format=markdown")).StatusCode);
        var write = await script.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Build());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("Read-only token", (await write.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PostAsync("/api/import", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.PutAsJsonAsync($"/api/articles/{AnnotationBuilder.SeedSlug}/state", new { read = true })).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once()
    {
        var token = await CreateTokenAsync("old laptop");
        var script = Script(token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/export?format=csv")).StatusCode);

        var revoked = await Forms.SubmitAsync(browser, "/settings/tokens", new Dictionary<string, string>(), "[data-testid=token-row] form");
        revoked.EnsureSuccessStatusCode();

        Assert.Contains("revoked", (await revoked.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/export?format=csv")).StatusCode);
    }

    [Fact]
    public async Task An_expired_or_unknown_token_is_401()
    {
        var token = await CreateTokenAsync("short-lived");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NewsReaderDb>().ApiTokens
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Expires, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Script(token).GetAsync("/api/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Script("nrt_" + new string('A', 43)).GetAsync("/api/export?format=csv")).StatusCode);
        var list = await HtmlDocument.GetAsync(browser, "/settings/tokens");
        Assert.Contains("expired", list.QuerySelector("[data-testid=token-row]")!.TextContent);
    }

    [Fact]
    public async Task A_token_needs_a_name_and_an_expiry_in_the_future()
    {
        var unnamed = await Forms.SubmitAsync(browser, "/settings/tokens", new Dictionary<string, string> { ["Name"] = " " }, "main form.stacked-form");
        var past = await Forms.SubmitAsync(browser, "/settings/tokens", new Dictionary<string, string> { ["Name"] = "x", ["Expires"] = "2001-01-01" }, "main form.stacked-form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
        Assert.Contains("Give the token a name", await unnamed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Contains("in the past", await past.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_works_on_the_api_only_never_on_pages_or_account_management()
    {
        var token = await CreateTokenAsync("script");
        var script = Script(token);

        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/settings/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.PostAsync("/settings/tokens", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "minted" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/manage/info")).StatusCode);
        var twoFactor = await script.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = "000000" });
        Assert.Equal(HttpStatusCode.Unauthorized, twoFactor.StatusCode);
        Assert.Contains("invalid_token", twoFactor.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/account")).StatusCode);
        var rename = await script.PutAsJsonAsync("/api/account", new { displayName = "Token Holder" });
        Assert.Equal(HttpStatusCode.Unauthorized, rename.StatusCode);
        Assert.Contains("invalid_token", rename.Headers.WwwAuthenticate.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        Assert.Equal(1, await db.ApiTokens.CountAsync());
        Assert.False(await db.Users.AnyAsync(u => u.TwoFactorEnabled));
        Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "Token Holder"));
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/annotations?article=" + AnnotationBuilder.SeedSlug)]
    [InlineData("/api/search?q=president")]
    [InlineData("/")]
    public async Task An_unknown_bearer_token_is_401_even_where_anonymous_reads_are_allowed(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(path)).StatusCode);

        var unknown = await Script("nrt_" + new string('A', 43)).GetAsync(path);
        var garbage = await Script("not-a-token").GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("invalid_token", unknown.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }
}
