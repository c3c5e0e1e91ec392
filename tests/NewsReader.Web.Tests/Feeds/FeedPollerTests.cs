using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>The background poller, with `NewsReader:Feeds:PollMinutes` shortened to about a second.</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private readonly FetchAppFixture fixture = FetchAppFixture.With(settings: (FeedOptions.PollMinutesKey, "0.02"));
    private FixtureWebServer site = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        (site, admin) = (fixture.Site, fixture.Admin);
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task The_poller_picks_up_new_items_and_asks_with_the_etag_between_changes()
    {
        var first = new Item("poll-1", "Harbour crane arrives", site.Url("/p/1"), FullHtml: FeedFixtures.FullBody("A new crane arrived at the harbour on Sunday."));
        site.Serve("/poll/feed.xml", "application/rss+xml", FeedFixtures.Rss("Polled Post", site.Url("/poll/"), first), etag: "\"one\"");
        var subscribed = await admin.PostAsJsonAsync("/api/feeds", new { url = site.Url("/poll/feed.xml") });
        subscribed.EnsureSuccessStatusCode();

        // Polls between changes are conditional and answered 304.
        await FeedsApiTests.WaitUntilAsync(() => site.Requests.Any(r => r.Path == "/poll/feed.xml" && r.IfNoneMatch == "\"one\""));

        site.Serve("/poll/feed.xml", "application/rss+xml", FeedFixtures.Rss("Polled Post", site.Url("/poll/"), first,
            new Item("poll-2", "Second crane ordered", site.Url("/p/2"), FullHtml: FeedFixtures.FullBody("The port ordered a second crane for the spring."))), etag: "\"two\"");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        int count;
        do
        {
            await Task.Delay(200);
            var feeds = await admin.GetFromJsonAsync<JsonElement>("/api/feeds");
            count = feeds[0].GetProperty("articleCount").GetInt32();
        }
        while (count < 2 && DateTime.UtcNow < deadline);
        Assert.Equal(2, count);
    }
}
