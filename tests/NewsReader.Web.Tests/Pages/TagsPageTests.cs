using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Pages;

public sealed class TagsPageTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient reader = null!;
    private HttpClient api = null!;

    public async Task InitializeAsync()
    {
        reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "tagger@example.org");
        api = await LoginAsync("tagger@example.org");
        await new AnnotationBuilder().Quote("Rose Garden").Tag("Japan").Tag("place").CreateAsync(api);
        await new AnnotationBuilder().Quote("closer relationships").Tag("japan-us").CreateAsync(api);
        await new AnnotationBuilder().Quote("Indo-Pacific").Tag("japan").Tag("japan-us").CreateAsync(api);
        var other = await ApiUsers.RegisterAsync(app, "other@example.org");
        await new AnnotationBuilder().Quote("Rose Garden").Tag("japan").Tag("secret-tag").CreateAsync(other);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Lists_only_my_tags_with_their_counts()
    {
        var page = await HtmlDocument.GetAsync(reader, "/tags");

        var rows = page.QuerySelectorAll("tr[data-tag]").ToDictionary(r => r.GetAttribute("data-tag")!, r => int.Parse(r.QuerySelector(".count")!.TextContent));
        Assert.Equal(new Dictionary<string, int> { ["Japan"] = 2, ["japan-us"] = 2, ["place"] = 1 }, rows);
    }

    [Fact]
    public async Task Renaming_a_tag_changes_it_on_all_my_annotations_and_in_search()
    {
        var response = await Forms.SubmitAsync(reader, "/tags", new Dictionary<string, string> { ["to"] = "nippon" }, "tr[data-tag='Japan'] form[action*='handler=Rename']");

        var page = await HtmlDocument.ParseAsync(response);
        Assert.Contains("on 2 annotations", page.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(page.QuerySelector("tr[data-tag='nippon']"));
        Assert.Null(page.QuerySelector("tr[data-tag='Japan']"));
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>("/api/search?q=tag:nippon")).GetProperty("annotationTotal").GetInt32());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/search?q=tag:japan")).GetProperty("annotationTotal").GetInt32());
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>("/api/search?q=nippon")).GetProperty("annotationTotal").GetInt32());
    }

    [Fact]
    public async Task Merging_two_tags_leaves_one_tag_without_duplicates()
    {
        var response = await Forms.SubmitAsync(reader, "/tags", new Dictionary<string, string> { ["into"] = "Japan" }, "tr[data-tag='japan-us'] form[action*='handler=Merge']");

        var page = await HtmlDocument.ParseAsync(response);
        var rows = page.QuerySelectorAll("tr[data-tag]").ToDictionary(r => r.GetAttribute("data-tag")!, r => int.Parse(r.QuerySelector(".count")!.TextContent));
        Assert.Equal(new Dictionary<string, int> { ["Japan"] = 3, ["place"] = 1 }, rows);
        var indo = (await api.GetFromJsonAsync<JsonElement>("/api/search?q=indo")).GetProperty("annotations")[0];
        Assert.Equal(new[] { "japan" }, indo.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_tag_beyond_ascii_can_be_renamed_and_its_link_finds_it()
    {
        await new AnnotationBuilder().Quote("White House").Tag("Ünïcödé 😀").CreateAsync(api);
        var tags = await HtmlDocument.GetAsync(reader, "/tags");
        var link = tags.QuerySelector("tr[data-tag='Ünïcödé 😀'] a.tag")!.GetAttribute("href")!;
        Assert.Equal(1, (await HtmlDocument.GetAsync(reader, link)).QuerySelectorAll("li.hit").Length);

        var response = await Forms.SubmitAsync(reader, "/tags", new Dictionary<string, string> { ["to"] = "Straße" }, "tr[data-tag='Ünïcödé 😀'] form[action*='handler=Rename']");

        var page = await HtmlDocument.ParseAsync(response);
        Assert.Contains("on 1 annotation", page.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(page.QuerySelector("tr[data-tag='Straße']"));
    }

    [Fact]
    public async Task Renaming_a_tag_I_do_not_have_is_explained()
    {
        var response = await Forms.SubmitAsync(reader, "/tags", new Dictionary<string, string> { ["from"] = "secret-tag", ["to"] = "mine-now" }, "tr[data-tag='place'] form[action*='handler=Rename']");

        // Redirected back (post-redirect-get), the reason kept for the page that follows.
        Assert.Equal("/tags", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("None of your annotations", (await HtmlDocument.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent);
    }

    [Fact]
    public async Task The_tags_page_needs_an_account()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/tags");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<HttpClient> LoginAsync(string email)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestUsers.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
