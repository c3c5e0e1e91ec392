using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Library;

/// <summary>Issue #21: two readers, each with their own saved page and feed, over one store and the shared collection.</summary>
public sealed class LibraryIsolationTests(FetchAppFixture fixture) : IClassFixture<FetchAppFixture>
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

    private async Task<string> SaveAsync(HttpClient client, string path)
    {
        var response = await client.PostAsJsonAsync("/api/articles", new { url = Site.Url(path) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
    }

    private static async Task<List<string?>> SlugsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/articles?limit=200")).EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
}
