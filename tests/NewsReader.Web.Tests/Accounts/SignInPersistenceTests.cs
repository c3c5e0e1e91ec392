using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

public sealed class SignInPersistenceTests
{
    [Fact]
    public async Task A_cookie_and_a_token_from_one_run_of_the_app_are_accepted_by_the_next_on_the_same_data()
    {
        await using var first = new NewsReaderAppFactory();
        var client = first.CreateClient(new() { HandleCookies = false });
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "stays@example.org", password = TestUsers.Password })).EnsureSuccessStatusCode();
        var tokenLogin = await client.PostAsJsonAsync("/api/auth/login", new { email = "stays@example.org", password = TestUsers.Password });
        var token = (await tokenLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var cookieLogin = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "stays@example.org", password = TestUsers.Password });
        var authCookie = cookieLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountsSetup.AuthCookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        if (first.Provider == NewsReader.Web.Data.DatabaseProvider.Postgres)
        {
            // Several instances share one key ring, so it is in the database, not in a folder.
            await using var connection = await first.OpenDatabaseAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM \"DataProtectionKeys\"";
            Assert.NotEqual(0L, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
        else
        {
            var keys = Path.Combine(first.Folder, "data", "keys");
            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        }

        await using var next = new NewsReaderAppFactory(withSeed: false);
        next.Settings["ConnectionStrings:NewsReader"] = first.ConnectionString;
        var nextClient = next.CreateClient(new() { HandleCookies = false });

        var info = new HttpRequestMessage(HttpMethod.Get, "/api/auth/manage/info");
        info.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await nextClient.SendAsync(info);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", authCookie);
        // The header names the reader by display name; the address is in its title.
        var signedInAs = (await HtmlDocument.ParseAsync(await nextClient.SendAsync(page))).QuerySelector("header [data-testid=current-user]");
        Assert.Equal("stays@example.org", signedInAs?.GetAttribute("title"));
    }
}
