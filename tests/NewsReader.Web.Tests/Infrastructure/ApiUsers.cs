using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>Accounts made through `/api/auth`, and clients that carry their bearer token.</summary>
public static class ApiUsers
{
    public static Task<HttpClient> RegisterAsync(NewsReaderAppFactory app, string email) => RegisterAsync(app.CreateClient(), email);

    /// <summary>Registers <paramref name="email"/> through <paramref name="client"/> and makes it carry the account's bearer token.</summary>
    public static async Task<HttpClient> RegisterAsync(HttpClient client, string email)
    {
        var registered = await client.PostAsJsonAsync("/api/auth/register", new { email, password = TestUsers.Password });
        registered.EnsureSuccessStatusCode();
        return await LogInAsync(client, email);
    }

    /// <summary>Logs <paramref name="email"/> in through <paramref name="client"/> (another host on the same data, say) and makes it carry the bearer token.</summary>
    public static async Task<HttpClient> LogInAsync(HttpClient client, string email)
    {
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestUsers.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
