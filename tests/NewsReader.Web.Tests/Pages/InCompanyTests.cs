using System.Net;
using System.Net.Http.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Pages;

/// <summary>
/// Several readers on one article: authors by display name, the reader's Mine / Everyone's
/// filter, a notebook of one's own, notes rendered or as plain snippets, redirects after
/// failed posts and empty states for anonymous visitors.
/// </summary>
public sealed class InCompanyTests(ManyReadersAppFactory app) : IClassFixture<ManyReadersAppFactory>
{
    private const string Url = "/articles/" + AnnotationBuilder.SeedSlug;

    private static string Unique(string name) => $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];

    private async Task<(HttpClient Api, string Name)> ReaderAsync(string name)
    {
        var api = await ApiUsers.RegisterAsync(app, $"{Unique("r")}@example.org");
        var displayName = Unique(name);
        (await api.PutAsJsonAsync("/api/account", new { displayName })).EnsureSuccessStatusCode();
        return (api, displayName);
    }

    private async Task<HttpClient> PagesReaderAsync()
    {
        var client = app.CreateClient();
        (await Forms.RegisterAsync(client, $"{Unique("p")}@example.org")).EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task The_side_list_names_authors_and_counts_mine_apart_from_everyones()
    {
        var (ana, anaName) = await ReaderAsync("Ana");
        var word = Unique("shared");
        await new AnnotationBuilder().Quote("Rose Garden").Public().Note($"Ana's public {word}").CreateAsync(ana);
        await new AnnotationBuilder().Quote("closer relationships").Private().Note($"Ana's private {word}").CreateAsync(ana);
        var ben = await PagesReaderAsync();
        await Forms.SubmitAsync(ben, Url, new Dictionary<string, string> { ["Form.Quote"] = "Rose Garden", ["Form.Note"] = $"Ben's own {word}" }, ".paste-quote form");

        var page = await HtmlDocument.GetAsync(ben, Url);
        var items = page.QuerySelectorAll(".annotation-item").Where(i => i.TextContent.Contains(word)).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.TextContent.Contains("Ana's public") && i.QuerySelector(".author")!.TextContent == $"by {anaName}");
        Assert.Contains(items, i => i.TextContent.Contains("Ben's own") && i.QuerySelector(".author")!.TextContent == "by you");
        Assert.DoesNotContain("Ana's private", page.Body!.TextContent);
        Assert.DoesNotContain("@example.org", page.QuerySelector(".annotations")!.TextContent);
        var mine = page.QuerySelector(".annotation-filter [data-filter=mine]")!;
        var everyone = page.QuerySelector(".annotation-filter [data-filter=everyone]")!;
        Assert.Equal("true", everyone.GetAttribute("aria-current"));
        var total = page.QuerySelectorAll(".annotation-item").Length;
        Assert.Equal("Mine (1)", mine.TextContent.Trim());
        Assert.Equal($"Everyone's ({total})", everyone.TextContent.Trim());

        var mineOnly = await HtmlDocument.GetAsync(ben, mine.GetAttribute("href")!);
        var listed = Assert.Single(mineOnly.QuerySelectorAll(".annotation-item"));
        Assert.Contains("Ben's own", listed.TextContent);
        Assert.Equal("true", mineOnly.QuerySelector(".annotation-filter [data-filter=mine]")!.GetAttribute("aria-current"));
        // The text keeps every mark; the filter is the list's.
        Assert.Equal(total, mineOnly.QuerySelectorAll(".reader-body mark[id^=annotation-]").Length);

        var anonymous = await HtmlDocument.GetAsync(app.CreateClient(), Url);
        Assert.Null(anonymous.QuerySelector(".annotation-filter"));
        Assert.Contains(anonymous.QuerySelectorAll(".annotation-item .author"), a => a.TextContent == $"by {anaName}");
    }

    [Fact]
    public async Task The_notebook_holds_only_my_annotations_while_search_finds_public_ones_with_their_author()
    {
        var (ana, anaName) = await ReaderAsync("Ana");
        var word = Unique("quokka");
        await new AnnotationBuilder().Quote("Rose Garden").Public().Note($"public {word}").CreateAsync(ana);
        var (ben, _) = await ReaderAsync("Ben");
        await new AnnotationBuilder().Quote("closer relationships").Private().Note($"mine {word}").CreateAsync(ben);

        var benPage = app.CreateClient();
        await Forms.LoginAsync(benPage, (await ben.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/account")).GetProperty("email").GetString()!);
        var notebook = await HtmlDocument.GetAsync(benPage, "/search");
        Assert.Equal("1 annotation in your notebook", notebook.QuerySelector(".result-count")!.TextContent.Trim());
        Assert.Single(notebook.QuerySelectorAll(".annotation-hit"));

        var search = await HtmlDocument.GetAsync(benPage, $"/search?q={word}");
        var hits = search.QuerySelectorAll(".annotation-hit");
        Assert.Equal(2, hits.Length);
        Assert.Contains(hits, h => h.QuerySelector(".author")!.TextContent == $"by {anaName}");
        Assert.Contains(hits, h => h.QuerySelector(".author")!.TextContent == "by you");
    }

    [Fact]
    public async Task Notes_render_in_the_notebook_and_tag_views_and_search_hits_show_them_as_plain_text()
    {
        var (ana, _) = await ReaderAsync("Ana");
        var word = Unique("crucial");
        var tag = Unique("tag").ToLowerInvariant();
        await new AnnotationBuilder().Quote("Rose Garden").Tag(tag)
            .Note($"This is **{word}**, see [the report](https://example.org/{word}).\n\n- first point\n- second point").CreateAsync(ana);
        var page = app.CreateClient();
        await Forms.LoginAsync(page, (await ana.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/account")).GetProperty("email").GetString()!);

        var search = await HtmlDocument.GetAsync(page, $"/search?q={word}");
        var snippet = search.QuerySelector(".annotation-hit .hit-note")!;
        Assert.Equal($"This is {word}, see the report.\n• first point\n• second point", snippet.TextContent);
        Assert.Equal(word, snippet.QuerySelector("mark")!.TextContent);
        var whole = search.QuerySelector(".annotation-hit details.hit-note-full")!;
        Assert.Equal(word, whole.QuerySelector(".note strong")!.TextContent);
        Assert.Equal("https://example.org/" + word, whole.QuerySelector(".note a")!.GetAttribute("href"));
        Assert.Equal(2, whole.QuerySelectorAll(".note li").Length);

        foreach (var url in new[] { "/search", $"/search?q={Uri.EscapeDataString($"tag:{tag}")}" })
        {
            var view = await HtmlDocument.GetAsync(page, url);
            var hit = view.QuerySelectorAll(".annotation-hit").Single(h => h.TextContent.Contains(word));
            Assert.Equal(word, hit.QuerySelector(".note strong")!.TextContent);
            Assert.Null(hit.QuerySelector(".hit-note"));
            Assert.DoesNotContain("**", hit.TextContent);
        }
    }

    [Fact]
    public async Task A_failed_quote_post_redirects_back_with_the_reason_and_the_values_kept()
    {
        var reader = await PagesReaderAsync();
        var response = await Forms.SubmitAsync(reader, Url, new Dictionary<string, string>
        {
            ["Form.Quote"] = "a sentence that no version of this article has ever contained at all",
            ["Form.Note"] = "my careful note",
            ["Form.Tags"] = "kept, tags",
        }, ".paste-quote form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Url, response.RequestMessage!.RequestUri!.PathAndQuery);
        var page = await HtmlDocument.ParseAsync(response);
        Assert.Contains("is not in the current revision", page.QuerySelector(".form-errors")!.TextContent);
        var form = page.QuerySelector(".paste-quote")!;
        Assert.True(form.HasAttribute("open"));
        Assert.Equal("a sentence that no version of this article has ever contained at all", form.QuerySelector("textarea[name='Form.Quote']")!.TextContent.Trim());
        Assert.Equal("my careful note", form.QuerySelector("textarea[name='Form.Note']")!.TextContent.Trim());
        Assert.Equal("kept, tags", form.QuerySelector("input[name='Form.Tags']")!.GetAttribute("value"));

        // Shown once: a reload is a clean page.
        var again = await HtmlDocument.GetAsync(reader, Url);
        Assert.Equal("", again.QuerySelector(".form-errors")?.TextContent.Trim() ?? "");
        Assert.Equal("", again.QuerySelector(".paste-quote textarea[name='Form.Quote']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Form_posts_answer_with_a_redirect_and_leave_no_handler_in_the_address()
    {
        var reader = await PagesReaderAsync();
        var failed = await Forms.SubmitAsync(reader, Url, new Dictionary<string, string> { ["Form.Quote"] = "nowhere in the article at all, not one of these words together" }, ".paste-quote form");
        Assert.Equal(Url, failed.RequestMessage!.RequestUri!.PathAndQuery);

        var settings = await Forms.SubmitAsync(reader, "/settings", new Dictionary<string, string> { ["Theme"] = "purple" }, "main form");
        Assert.Equal("/settings", settings.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.NotEqual("", (await HtmlDocument.ParseAsync(settings)).QuerySelector(".form-errors")!.TextContent.Trim());

        await Forms.SubmitAsync(reader, Url, new Dictionary<string, string> { ["Form.Quote"] = "Rose Garden", ["Form.Tags"] = "alpha" }, ".paste-quote form");
        var tags = await Forms.SubmitAsync(reader, "/tags", new Dictionary<string, string> { ["from"] = "nothing-tagged", ["to"] = "x" }, "main form");
        Assert.Equal("/tags", tags.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("nothing-tagged", (await HtmlDocument.ParseAsync(tags)).QuerySelector(".form-errors")!.TextContent);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_told_what_to_do_not_shown_a_notebook()
    {
        var anonymous = app.CreateClient();
        var empty = await HtmlDocument.GetAsync(anonymous, "/search");
        Assert.DoesNotContain("notebook", empty.QuerySelector("#search-results")!.TextContent.Replace("keep a notebook", ""));
        Assert.Contains("Type a word", empty.QuerySelector("#search-results .empty")!.TextContent);
        Assert.Equal("Search", empty.QuerySelector("h1")!.TextContent);

        var nothing = await HtmlDocument.GetAsync(anonymous, "/search?q=zzzqqqnothing");
        Assert.Contains("Nothing matches", nothing.QuerySelector("#search-results .empty")!.TextContent);

        var signedIn = await PagesReaderAsync();
        var own = await HtmlDocument.GetAsync(signedIn, "/search");
        Assert.Contains("Your notebook is empty", own.QuerySelector("#search-results .empty")!.TextContent);
    }
}
