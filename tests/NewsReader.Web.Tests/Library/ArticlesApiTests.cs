using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library;

public sealed class ArticlesApiTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task List_names_every_field_of_the_contract()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles");

        var article = Assert.Single(list.EnumerateArray());
        Assert.StartsWith("us-president-biden", article.GetProperty("slug").GetString());
        Assert.StartsWith("U.S. President Biden", article.GetProperty("title").GetString());
        Assert.Equal("Washington", article.GetProperty("dateline").GetString());
        Assert.InRange(article.GetProperty("wordCount").GetInt32(), 900, 960);
        Assert.Equal(5, article.GetProperty("readingMinutes").GetInt32());
        Assert.Equal(1, article.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Detail_has_text_and_blocks_that_slice_it()
    {
        var slug = (await client.GetFromJsonAsync<JsonElement>("/api/articles"))[0].GetProperty("slug").GetString();

        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");

        var text = article.GetProperty("text").GetString()!;
        var blocks = article.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(24, blocks.Count);
        Assert.Equal(3, blocks.Count(b => b.GetProperty("kind").GetString() == "heading"));
        Assert.Equal(21, blocks.Count(b => b.GetProperty("kind").GetString() == "paragraph"));
        var rebuilt = string.Join("\n\n", blocks.Select(b => text[b.GetProperty("start").GetInt32()..b.GetProperty("end").GetInt32()]));
        Assert.Equal(text, rebuilt);
    }

    [Fact]
    public async Task Unknown_slug_is_a_problem_details_404()
    {
        var response = await client.GetAsync("/api/articles/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("nope", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
