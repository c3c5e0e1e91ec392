using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Library;

/// <summary>Issue #21: two readers, each with their own saved page and feed, over one store and the shared collection.</summary>
public sealed class LibraryIsolationTests(ManyReadersFetchFixture fixture) : IClassFixture<ManyReadersFetchFixture>
{
    private FixtureWebServer Site => fixture.Site;

    [Fact]
    public async Task Two_readers_list_search_and_open_only_their_own_and_the_shared_collection()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alice = await ApiUsers.RegisterAsync(fixture.App, $"alice-{tag}@example.org");
        var bob = await ApiUsers.RegisterAsync(fixture.App, $"bob-{tag}@example.org");
        Site.Serve($"/{tag}/alice.txt", "text/plain", WebFixtures.TextStory($"Alice keeps lighthouse{tag} notes"));
        Site.Serve($"/{tag}/bob.txt", "text/plain", WebFixtures.TextStory($"Bob records tram{tag} timetables"));
        Site.Serve($"/{tag}/bob.xml", "application/rss+xml", FeedFixtures.Rss("Bob Bulletin", Site.Url($"/{tag}/"),
            new Item($"b-{tag}", "Bridge painted", Site.Url($"/{tag}/bridge"), FullHtml: FeedFixtures.FullBody($"The bridge{tag} was painted green overnight."))));

        var alicePage = await SaveAsync(alice, $"/{tag}/alice.txt");
        var bobPage = await SaveAsync(bob, $"/{tag}/bob.txt");
        Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync("/api/feeds", new { url = Site.Url($"/{tag}/bob.xml") })).StatusCode);

        var aliceList = await SlugsAsync(alice);
        var bobList = await SlugsAsync(bob);
        Assert.Contains(alicePage, aliceList);
        Assert.DoesNotContain(bobPage, aliceList);
        Assert.Contains(bobPage, bobList);
        Assert.DoesNotContain(alicePage, bobList);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/articles/{bobPage}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/articles/{alicePage}")).StatusCode);
        Assert.Empty((await alice.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray());
        Assert.Equal(1, Assert.Single((await bob.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray()).GetProperty("unread").GetInt32());

        // Both have the shared collection (this fixture has no seed, so it may be empty); visitors have only it.
        var shared = (await fixture.App.CreateClient().GetFromJsonAsync<JsonElement>("/api/articles")).EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
        Assert.All(shared, s => { Assert.Contains(s, aliceList); Assert.Contains(s, bobList); });
        Assert.DoesNotContain(alicePage, shared);

        // Saving what Bob saved adds the stored article to Alice's library, without a fetch.
        var fetches = Site.CountOf($"/{tag}/bob.txt");
        var again = await alice.PostAsJsonAsync("/api/articles", new { url = Site.Url($"/{tag}/bob.txt") });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(fetches, Site.CountOf($"/{tag}/bob.txt"));
        Assert.Contains(bobPage, await SlugsAsync(alice));

        // Removing it takes it out of Alice's library only.
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/articles/{bobPage}")).StatusCode);
        Assert.DoesNotContain(bobPage, await SlugsAsync(alice));
        Assert.Contains(bobPage, await SlugsAsync(bob));
    }

    [Fact]
    public async Task Neither_reader_finds_the_others_saved_page_in_search()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alice = await ApiUsers.RegisterAsync(fixture.App, $"alice-{tag}@example.org");
        var bob = await ApiUsers.RegisterAsync(fixture.App, $"bob-{tag}@example.org");
        Site.Serve($"/{tag}/alice.txt", "text/plain", WebFixtures.TextStory($"Alice keeps lighthouse{tag} notes"));
        var slug = await SaveAsync(alice, $"/{tag}/alice.txt");

        Assert.Contains(slug, await ArticleHitsAsync(alice, $"lighthouse{tag}"));
        Assert.Empty(await ArticleHitsAsync(bob, $"lighthouse{tag}"));
        Assert.Empty(await ArticleHitsAsync(fixture.App.CreateClient(), $"lighthouse{tag}"));
        var search = await HtmlDocument.GetAsync(bob, $"/search?q=lighthouse{tag}");
        Assert.DoesNotContain(search.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains(slug) == true);
    }

    [Fact]
    public async Task Both_readers_see_each_others_public_notes_on_an_article_they_both_have_and_never_the_private_ones()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alice = await ApiUsers.RegisterAsync(fixture.App, $"alice-{tag}@example.org");
        var bob = await ApiUsers.RegisterAsync(fixture.App, $"bob-{tag}@example.org");
        var carol = await ApiUsers.RegisterAsync(fixture.App, $"carol-{tag}@example.org");
        Site.Serve($"/{tag}/both.txt", "text/plain", WebFixtures.TextStory($"The harbour{tag} reopens after the storm"));
        var slug = await SaveAsync(alice, $"/{tag}/both.txt");
        Assert.Equal(slug, await SaveAsync(bob, $"/{tag}/both.txt"));
        var url = $"http://localhost/articles/{slug}";

        var alicePublic = await new AnnotationBuilder().On(url).Quote("four thousand trees").Note("Alice public").Public().CreateAsync(alice);
        var bobPublic = await new AnnotationBuilder().On(url).Quote("four thousand trees").Note("Bob public").Public().CreateAsync(bob);
        await new AnnotationBuilder().On(url).Quote("four thousand trees").Note("Bob private").Private().CreateAsync(bob);

        var seenByAlice = await NotesAsync(alice, slug);
        var seenByBob = await NotesAsync(bob, slug);
        Assert.Equal(["Alice public", "Bob public"], seenByAlice.Order());
        Assert.Equal(["Alice public", "Bob private", "Bob public"], seenByBob.Order());
        Assert.NotNull(alicePublic.GetProperty("id").GetString());
        Assert.NotNull(bobPublic.GetProperty("id").GetString());
        // Carol has not got the article: neither it nor its notes exist for her.
        Assert.Equal(HttpStatusCode.NotFound, (await carol.GetAsync($"/articles/{slug}")).StatusCode);
        Assert.Empty(await NotesAsync(carol, slug));
    }

    [Fact]
    public async Task Unsubscribing_keeps_the_articles_I_annotated_and_drops_the_rest()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var reader = await ApiUsers.RegisterAsync(fixture.App, $"dora-{tag}@example.org");
        Site.Serve($"/{tag}/feed.xml", "application/rss+xml", FeedFixtures.Rss("Dora Daily", Site.Url($"/{tag}/"),
            new Item($"a-{tag}", "Annotated one", Site.Url($"/{tag}/one"), FullHtml: FeedFixtures.FullBody($"The ferry{tag} timetable changes in spring.")),
            new Item($"b-{tag}", "Left alone", Site.Url($"/{tag}/two"), FullHtml: FeedFixtures.FullBody($"The market{tag} moves to the square."))));
        var created = await reader.PostAsJsonAsync("/api/feeds", new { url = Site.Url($"/{tag}/feed.xml") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feedId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var items = (await reader.GetFromJsonAsync<JsonElement>($"/api/articles?feed={feedId}")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("title").GetString()!, a => a.GetProperty("slug").GetString()!);
        Assert.Equal(2, items.Count);
        await new AnnotationBuilder().On($"http://localhost/articles/{items["Annotated one"]}").Quote($"ferry{tag}").Note("keep").CreateAsync(reader);

        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/feeds/{feedId}")).StatusCode);

        var list = await SlugsAsync(reader);
        Assert.Contains(items["Annotated one"], list);
        Assert.DoesNotContain(items["Left alone"], list);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{items["Annotated one"]}")).StatusCode);
    }

    [Fact]
    public async Task View_original_links_to_the_saved_pages_address_beside_the_source_as_saved()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var reader = await ApiUsers.RegisterAsync(fixture.App, $"olga-{tag}@example.org");
        Site.Serve($"/{tag}/page.txt", "text/plain", WebFixtures.TextStory($"Olga reads the original{tag}"));
        var slug = await SaveAsync(reader, $"/{tag}/page.txt");

        var page = await HtmlDocument.GetAsync(reader, $"/articles/{slug}");
        Assert.Equal(Site.Url($"/{tag}/page.txt"), page.QuerySelector("a.view-original")!.GetAttribute("href"));
        Assert.Equal($"/articles/{slug}/original", page.QuerySelector("a.view-source")!.GetAttribute("href"));
        var original = await HtmlDocument.GetAsync(reader, $"/articles/{slug}/original");
        Assert.Equal(Site.Url($"/{tag}/page.txt"), original.QuerySelector("a.view-original")!.GetAttribute("href"));
        Assert.NotNull(original.QuerySelector("pre.raw-source"));
    }

    private async Task<string> SaveAsync(HttpClient client, string path)
    {
        var response = await client.PostAsJsonAsync("/api/articles", new { url = Site.Url(path) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
    }

    private static async Task<List<string>> ArticleHitsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}")).GetProperty("articles").EnumerateArray()
            .Select(a => a.GetProperty("slug").GetString()!).ToList();

    private static async Task<List<string>> NotesAsync(HttpClient client, string slug)
    {
        var response = await client.GetAsync($"/api/annotations?article={Uri.EscapeDataString(slug)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("first").GetProperty("items").EnumerateArray().Select(a =>
        {
            var body = a.GetProperty("body");
            var bodies = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : [body];
            return bodies.First(b => b.GetProperty("purpose").GetString() == "commenting").GetProperty("value").GetString()!;
        }).ToList();
    }

    private static async Task<List<string?>> SlugsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/articles?limit=200")).EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
}
