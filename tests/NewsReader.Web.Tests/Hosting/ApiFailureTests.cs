using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Hosting;

public sealed class ApiFailureTests
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_on_the_api_and_a_readable_page_elsewhere()
    {
        await using var app = new NewsReaderAppFactory();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
        await using (var connection = await app.OpenDatabaseAsync())
        {
            await using var break_ = connection.CreateCommand();
            break_.CommandText = "ALTER TABLE \"Articles\" RENAME TO \"ArticlesGone\"";
            await break_.ExecuteNonQueryAsync();
        }

        var api = await client.GetAsync("/api/articles");
        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("ArticlesGone", problem.ToString());
        Assert.DoesNotContain("no such table", problem.ToString());
        Assert.DoesNotContain("does not exist", problem.ToString());
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_request_refused_as_malformed_is_logged_with_the_400_the_client_got()
    {
        await using var app = new NewsReaderAppFactory();
        var client = await ApiUsers.RegisterAsync(app, "logs@example.org");

        var response = await client.PostAsync("/api/annotations", new StringContent("{\"target\": {", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var lines = app.Logs.Entries.Where(e => e.Message.Contains("\"/api/annotations\" responded")).Select(e => e.Message).ToList();
        Assert.Contains(lines, l => l.Contains("responded 400"));
        Assert.DoesNotContain(lines, l => l.Contains("responded 500"));
    }
}
