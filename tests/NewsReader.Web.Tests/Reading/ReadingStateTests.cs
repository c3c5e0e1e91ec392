using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reading;

public sealed class ReadingStateTests : IAsyncLifetime
{
    private const string StateUrl = $"/api/articles/{AnnotationBuilder.SeedSlug}/state";
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;
    private HttpClient bob = null!;

    public async Task InitializeAsync()
    {
        ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_api_reads_and_changes_my_state_field_by_field()
    {
        var fresh = await ada.GetFromJsonAsync<JsonElement>(StateUrl);
        Assert.False(fresh.GetProperty("read").GetBoolean());
        Assert.Equal(0, fresh.GetProperty("progressOffset").GetInt32());

        var changed = await ada.PutAsJsonAsync(StateUrl, new { favorite = true, progressOffset = 1200 });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await ada.PutAsJsonAsync(StateUrl, new { read = true });

        var state = await ada.GetFromJsonAsync<JsonElement>(StateUrl);
        Assert.True(state.GetProperty("read").GetBoolean());
        Assert.True(state.GetProperty("favorite").GetBoolean());
        Assert.False(state.GetProperty("archived").GetBoolean());
        Assert.Equal(1200, state.GetProperty("progressOffset").GetInt32());
    }

    [Fact]
    public async Task Another_readers_state_is_separate()
    {
        await ada.PutAsJsonAsync(StateUrl, new { read = true, archived = true, progressOffset = 500 });

        var bobs = await bob.GetFromJsonAsync<JsonElement>(StateUrl);

        Assert.False(bobs.GetProperty("read").GetBoolean());
        Assert.False(bobs.GetProperty("archived").GetBoolean());
        Assert.Equal(0, bobs.GetProperty("progressOffset").GetInt32());
    }

    [Theory]
    [InlineData("{\"progressOffset\": -1}", 400, "progressOffset")]
    [InlineData("{\"progressOffset\": 99999999}", 400, "progressOffset")]
    [InlineData("{\"read\": \"yes\"}", 400, "could not be read")]
    [InlineData("{", 400, "could not be read")]
    public async Task Bad_state_is_a_problem_with_its_reason(string body, int status, string reason)
    {
        var response = await ada.PutAsync(StateUrl, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_articles_and_anonymous_callers_are_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync("/api/articles/nope/state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.PutAsJsonAsync("/api/articles/nope/state", new { read = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(StateUrl)).StatusCode);
    }

    [Fact]
    public async Task The_reader_page_changes_state_with_forms_and_offers_to_continue()
    {
        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "pages@example.org");
        var url = $"/articles/{AnnotationBuilder.SeedSlug}";

        var favourite = await HtmlDocument.ParseAsync(await Forms.SubmitAsync(reader, url, new Dictionary<string, string> { ["change"] = "favorite-True" }, "form.state-actions"));
        Assert.Equal("true", favourite.QuerySelector("button[value^=favorite]")!.GetAttribute("aria-pressed"));

        var page = await HtmlDocument.GetAsync(reader, url);
        var token = page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{AnnotationBuilder.SeedSlug}/state") { Content = JsonContent.Create(new { progressOffset = 2000 }) };
        put.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(put)).StatusCode);

        var again = await HtmlDocument.GetAsync(reader, url);
        var link = again.QuerySelector(".continue a")!;
        var target = again.QuerySelector(link.GetAttribute("href")!)!;
        Assert.True(int.Parse(target.GetAttribute("data-start")!) <= 2000);
        Assert.True(int.Parse(target.GetAttribute("data-end")!) >= 2000);

        var read = await HtmlDocument.ParseAsync(await Forms.SubmitAsync(reader, url, new Dictionary<string, string> { ["change"] = "read-True" }, "form.state-actions"));
        Assert.Null(read.QuerySelector(".continue"));
        Assert.Equal("Mark as unread", read.QuerySelector("button[value^=read]")!.TextContent);
    }
}
