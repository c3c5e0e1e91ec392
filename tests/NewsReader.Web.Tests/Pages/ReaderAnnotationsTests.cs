using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Pages;

/// <summary>The reader page with annotations, through forms only, as a browser without script would use it.</summary>
public sealed class ReaderAnnotationsTests : IAsyncLifetime
{
    private const string Url = "/articles/" + AnnotationBuilder.SeedSlug;
    private readonly NewsReaderAppFactory app = new();
    private HttpClient reader = null!;

    public async Task InitializeAsync()
    {
        reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "reader@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Pasting_a_quote_highlights_it_without_javascript()
    {
        var response = await Forms.SubmitAsync(reader, Url, new Dictionary<string, string>
        {
            ["Form.Quote"] = "Rose Garden",
            ["Form.Note"] = "Where the *press* met.",
            ["Form.Tags"] = "place, ceremony",
            ["Form.Color"] = "blue",
        }, ".paste-quote form");

        var page = await HtmlDocument.ParseAsync(response);
        var mark = Assert.Single(page.QuerySelectorAll(".reader-body mark"));
        Assert.Equal("Rose Garden", mark.TextContent);
        Assert.Contains("hl-blue", mark.ClassName);
        Assert.StartsWith("annotation-", mark.Id);
        Assert.Equal("press", page.QuerySelector(".annotation-item .note em")!.TextContent);
        Assert.Equal(new[] { "#place", "#ceremony" }, page.QuerySelectorAll(".annotation-item .tag").Select(t => t.TextContent));
    }

    [Fact]
    public async Task A_quote_that_is_not_there_is_explained_on_the_page()
    {
        var response = await Forms.SubmitAsync(reader, Url, new Dictionary<string, string>
        {
            ["Form.Quote"] = "a sentence that no version of this article has ever contained at all",
        }, ".paste-quote form");

        // Redirected back (post-redirect-get), the reason kept for the page that follows.
        Assert.Equal(Url, response.RequestMessage!.RequestUri!.PathAndQuery);
        var page = await HtmlDocument.ParseAsync(response);
        Assert.Contains("is not in the current revision", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".reader-body mark"));
    }

    [Fact]
    public async Task Overlapping_and_nested_highlights_render_as_nested_marks()
    {
        var api = await ApiUsers.RegisterAsync(app, "api@example.org");
        await new AnnotationBuilder().Quote("Rose Garden said").Color("yellow").Public().CreateAsync(api);
        await new AnnotationBuilder().Quote("Garden said: \"This is the most").Color("pink").Public().CreateAsync(api);
        await new AnnotationBuilder().Quote("Garden").Color("green").Public().CreateAsync(api);

        var page = await HtmlDocument.GetAsync(reader, Url);

        var paragraph = page.QuerySelectorAll(".reader-body p").Single(p => p.TextContent.Contains("Rose Garden"));
        Assert.Contains("The joint press conference held at the White House Rose Garden said", paragraph.TextContent);
        var nested = paragraph.QuerySelectorAll("mark mark mark");
        Assert.Equal("Garden", Assert.Single(nested).TextContent);
        Assert.Equal(3, page.QuerySelectorAll(".reader-body mark[id^=annotation-]").Length);
        Assert.Equal(3, page.QuerySelectorAll(".annotation-item").Length);
    }

    [Fact]
    public async Task A_note_with_a_script_payload_renders_inert()
    {
        var api = await ApiUsers.RegisterAsync(app, "mallory@example.org");
        await new AnnotationBuilder().Quote("Rose Garden").Public()
            .Note("<script>alert('x')</script><img src=x onerror=alert(1)> [click](javascript:alert(1))").CreateAsync(api);

        var page = await HtmlDocument.GetAsync(app.CreateClient(), Url);

        var note = page.QuerySelector(".annotation-item .note")!;
        Assert.Empty(note.QuerySelectorAll("script, img, a"));
        Assert.Contains("<script>alert('x')</script>", note.TextContent);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Cookie_writes_to_the_api_need_the_pages_antiforgery_token()
    {
        var page = await HtmlDocument.GetAsync(reader, Url);
        var token = page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;

        var without = await reader.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Build());
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Contains("antiforgery", await without.Content.ReadAsStringAsync());

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/annotations") { Content = JsonContent.Create(new AnnotationBuilder().Build()) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var with = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task Another_readers_private_highlights_are_not_on_my_page()
    {
        var other = await ApiUsers.RegisterAsync(app, "other@example.org");
        await new AnnotationBuilder().Quote("Rose Garden").Note("secret thought").CreateAsync(other);

        var html = await reader.GetStringAsync(Url);

        Assert.DoesNotContain("secret thought", html);
        Assert.DoesNotContain("<mark", html);
    }

    [Fact]
    public async Task Editing_and_deleting_through_the_edit_page_work_without_javascript()
    {
        await Forms.SubmitAsync(reader, Url, new Dictionary<string, string> { ["Form.Quote"] = "Rose Garden" }, ".paste-quote form");
        var editUrl = (await HtmlDocument.GetAsync(reader, Url)).QuerySelector(".annotation-item a.edit-link")!.GetAttribute("href")!;
        var edited = await HtmlDocument.ParseAsync(await Forms.SubmitAsync(reader, editUrl, new Dictionary<string, string> { ["Form.Note"] = "A *lawn*", ["Form.Color"] = "pink" }, "form[action*='handler=Update']"));
        Assert.Equal("lawn", edited.QuerySelector(".annotation-item .note em")!.TextContent);
        Assert.Contains("hl-pink", edited.QuerySelector(".reader-body mark")!.ClassName);
        var other = app.CreateClient();
        await Forms.RegisterAsync(other, "nosy@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(editUrl)).StatusCode);
        // The same annotation posted under another article's URL is not found there.
        var wrongArticle = await reader.PostAsync(
            $"/articles/some-other-article?id={editUrl.Split('/')[^2]}&handler=Update",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Note"] = "hijack", ["__RequestVerificationToken"] = edited.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! }));
        Assert.Equal(HttpStatusCode.NotFound, wrongArticle.StatusCode);

        var page0 = await HtmlDocument.GetAsync(reader, Url);
        var edit = page0.QuerySelector(".annotation-item a.edit-link")!.GetAttribute("href")!;
        var response = await Forms.SubmitAsync(reader, edit, new Dictionary<string, string>(), "form[action*='handler=Delete']");

        var page = await HtmlDocument.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll(".reader-body mark"));
        Assert.Empty(page.QuerySelectorAll(".annotation-item"));
        var json = await reader.GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        Assert.Equal(0, json.GetProperty("total").GetInt32());
    }
}
