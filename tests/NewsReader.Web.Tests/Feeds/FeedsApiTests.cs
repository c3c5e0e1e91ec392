using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>`/api/feeds`: subscribing, listing, refreshing with conditional GET, revisions, failures, unsubscribing.</summary>
public sealed class FeedsApiTests(FetchAppFixture fixture) : IClassFixture<FetchAppFixture>
{
    private FixtureWebServer Site => fixture.Site;
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task Subscribing_stores_full_items_as_they_are_and_fetches_the_page_of_a_summary()
    {
        Site.Serve("/gazette/ferries.html", "text/html; charset=utf-8", FeedFixtures.Page("Ferries carry record numbers", "Commuters crowded the morning boats as the bridge closed for repairs."));
        Site.Serve("/gazette/feed.xml", "application/rss+xml", FeedFixtures.Rss("Harbour Gazette", Site.Url("/gazette/"),
            new Item("gazette-1", "Market hall reopens", Site.Url("/gazette/market.html"), FullHtml: FeedFixtures.FullBody("The market hall opened its doors again after two years of building work.")),
            new Item("gazette-2", "Ferries carry record numbers", Site.Url("/gazette/ferries.html"), Summary: "Commuters took to the water.")));

        var subscribed = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/gazette/feed.xml") });

        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        var feed = await subscribed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Harbour Gazette", feed.GetProperty("title").GetString());
        Assert.Equal($"/api/feeds/{feed.GetProperty("id").GetInt32()}", subscribed.Headers.Location!.OriginalString);
        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == feed.GetProperty("id").GetInt32());
        Assert.Equal(Site.Url("/gazette/feed.xml"), listed.GetProperty("url").GetString());
        Assert.Equal(2, listed.GetProperty("articleCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastError").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastFetched").ValueKind);

        // The full item was not fetched; the summary's page was, and its article is the page's.
        Assert.Equal(0, Site.CountOf("/gazette/market.html"));
        Assert.Equal(1, Site.CountOf("/gazette/ferries.html"));
        var ferries = await ArticleFromAsync(Site.Url("/gazette/ferries.html"));
        Assert.Contains("Commuters crowded the morning boats", ferries.GetProperty("text").GetString());
        var market = await ArticleFromAsync(Site.Url("/gazette/market.html"));
        Assert.Contains("opened its doors again", market.GetProperty("text").GetString());

        var again = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/gazette/feed.xml") });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_refresh_sends_the_stored_etag_and_last_modified_and_a_304_changes_nothing()
    {
        Site.Serve("/etag/feed.xml", "application/atom+xml", FeedFixtures.Atom("Tagged Times",
            new Item("urn:tagged:1", "Bridge repairs finish early", Site.Url("/etag/1"), FullHtml: FeedFixtures.FullBody("The bridge reopened a week early."))),
            etag: "\"v1\"");
        Site.Serve("/dated/feed.xml", "application/rss+xml", FeedFixtures.Rss("Dated Daily", Site.Url("/dated/"),
            new Item("dated-1", "Library extends hours", Site.Url("/dated/1"), FullHtml: FeedFixtures.FullBody("The library will open until ten in the evening."))),
            lastModified: "Mon, 30 Nov 2026 08:00:00 GMT");
        var tagged = await SubscribeAsync("/etag/feed.xml");
        var dated = await SubscribeAsync("/dated/feed.xml");

        var byEtag = await RefreshAsync(tagged);
        var byDate = await RefreshAsync(dated);

        Assert.True(byEtag.GetProperty("notModified").GetBoolean());
        Assert.True(byDate.GetProperty("notModified").GetBoolean());
        Assert.Equal("\"v1\"", Site.Requests.Where(r => r.Path == "/etag/feed.xml").Last().IfNoneMatch);
        Assert.Equal("Mon, 30 Nov 2026 08:00:00 GMT", Site.Requests.Where(r => r.Path == "/dated/feed.xml").Last().IfModifiedSince);
        Assert.Equal(1, byEtag.GetProperty("feed").GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task An_item_updated_upstream_becomes_a_revision_and_its_highlight_stays_anchored()
    {
        const string quote = "The council voted to keep the night buses running";
        var before = FeedFixtures.FullBody(quote + " through the winter.");
        var other = new Item("council-8", "Parks budget agreed", Site.Url("/council/8"), FullHtml: FeedFixtures.FullBody("The parks budget was agreed without a vote."));
        Site.Serve("/council/feed.xml", "application/rss+xml", FeedFixtures.Rss("Council Notes", Site.Url("/council/"),
            new Item("council-7", "Night buses stay", Site.Url("/council/7"), FullHtml: before), other), etag: "\"a\"");
        var feed = await SubscribeAsync("/council/feed.xml");
        var article = await ArticleFromAsync(Site.Url("/council/7"));
        var slug = article.GetProperty("slug").GetString()!;
        var highlight = await new AnnotationBuilder().On($"http://localhost/articles/{slug}").Quote(quote).CreateAsync(Admin);

        var after = "<p>Update: the decision was confirmed on Friday.</p>" + before;
        Site.Serve("/council/feed.xml", "application/rss+xml", FeedFixtures.Rss("Council Notes", Site.Url("/council/"),
            new Item("council-7", "Night buses stay", Site.Url("/council/7"), FullHtml: after), other), etag: "\"b\"");
        var refreshed = await RefreshAsync(feed);

        Assert.Equal(1, refreshed.GetProperty("revised").GetInt32());
        Assert.Equal(1, refreshed.GetProperty("unchanged").GetInt32());
        var revised = await Admin.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
        Assert.Equal(2, revised.GetProperty("revision").GetInt32());
        Assert.StartsWith("Night buses stay", revised.GetProperty("title").GetString());
        var moved = await Admin.GetFromJsonAsync<JsonElement>(highlight.IdPath());
        // The words are unchanged, only shifted by the new first paragraph: anchored, not moved.
        Assert.Equal("anchored", moved.GetProperty("anchorStatus").GetString());
        var position = moved.Selector("TextPositionSelector");
        Assert.Equal(quote, revised.GetProperty("text").GetString()![position.GetProperty("start").GetInt32()..position.GetProperty("end").GetInt32()]);

        // The same feed again under a new ETag is passed by: no third revision.
        Site.Serve("/council/feed.xml", "application/rss+xml", FeedFixtures.Rss("Council Notes", Site.Url("/council/"),
            new Item("council-7", "Night buses stay", Site.Url("/council/7"), FullHtml: after), other), etag: "\"c\"");
        var same = await RefreshAsync(feed);
        Assert.True(same.GetProperty("notModified").GetBoolean());
        Assert.Equal(2, (await Admin.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}")).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_failing_feed_records_its_error_and_waits_longer_before_the_next_poll()
    {
        Site.Serve("/flaky/feed.xml", "application/rss+xml", FeedFixtures.Rss("Flaky Feed", Site.Url("/flaky/"),
            new Item("flaky-1", "Storm warning lifted", Site.Url("/flaky/1"), FullHtml: FeedFixtures.FullBody("The storm warning was lifted at noon."))));
        var feed = await SubscribeAsync("/flaky/feed.xml");
        Site.Handle("/flaky/feed.xml", context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });

        var failed = await Admin.PostAsync($"/api/feeds/{feed}/refresh", null);

        await SaveUrlTests.AssertProblemAsync(failed, HttpStatusCode.BadGateway, "upstreamServerError");
        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == feed);
        Assert.Contains("500", listed.GetProperty("lastError").GetString());
        // Twice the 30-minute interval after the first failure.
        var wait = listed.GetProperty("nextPoll").GetDateTime() - listed.GetProperty("lastFetched").GetDateTime();
        Assert.InRange(wait.TotalMinutes, 59, 61);
    }

    [Fact]
    public async Task One_feed_is_never_polled_twice_at_once()
    {
        Site.Serve("/busy/feed.xml", "application/rss+xml", FeedFixtures.Rss("Busy Feed", Site.Url("/busy/"),
            new Item("busy-1", "Tram line opens", Site.Url("/busy/1"), FullHtml: FeedFixtures.FullBody("The new tram line opened to passengers."))));
        var feed = await SubscribeAsync("/busy/feed.xml");
        var release = new TaskCompletionSource();
        Site.Handle("/busy/feed.xml", async context =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            context.Response.StatusCode = 304;
        });
        var before = Site.CountOf("/busy/feed.xml");

        var first = Admin.PostAsync($"/api/feeds/{feed}/refresh", null);
        await WaitUntilAsync(() => Site.CountOf("/busy/feed.xml") > before);
        var second = await Admin.PostAsync($"/api/feeds/{feed}/refresh", null);
        release.SetResult();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(before + 1, Site.CountOf("/busy/feed.xml"));
    }

    [Fact]
    public async Task Unsubscribing_takes_the_unannotated_articles_out_of_my_library()
    {
        Site.Serve("/gone/feed.xml", "application/rss+xml", FeedFixtures.Rss("Gone Gazette", Site.Url("/gone/"),
            new Item("gone-1", "Pier lights restored", Site.Url("/gone/1"), FullHtml: FeedFixtures.FullBody("The pier lights were switched on again."))));
        var feed = await SubscribeAsync("/gone/feed.xml");

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/feeds/{feed}")).StatusCode);

        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray(), f => f.GetProperty("id").GetInt32() == feed);
        // Issue #21: the articles stay stored, but only those I annotated stay in my library
        // (LibraryIsolationTests covers the annotated case).
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement>("/api/articles")).EnumerateArray(), a => a.GetProperty("sourceUrl").GetString() == Site.Url("/gone/1"));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/feeds/{feed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync($"/api/feeds/{feed}/refresh", null)).StatusCode);
    }

    [Fact]
    public async Task A_page_that_is_not_a_feed_is_not_subscribed()
    {
        Site.Serve("/plain/story.txt", "text/plain", WebFixtures.TextStory("Not a feed"));

        var response = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/plain/story.txt") });

        await SaveUrlTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "noArticle");
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray(), f => f.GetProperty("url").GetString()!.Contains("/plain/"));
        await SaveUrlTests.AssertProblemAsync(await Admin.PostAsJsonAsync("/api/feeds", new { url = "gopher://old.example/feed" }), HttpStatusCode.BadRequest, "invalidUrl");
    }

    [Fact]
    public async Task Every_reader_has_their_own_feeds_and_only_administrators_share_one()
    {
        // Issue #21: feeds were for administrators only; now every signed-in reader subscribes for themselves.
        Site.Serve("/own/feed.xml", "application/rss+xml", FeedFixtures.Rss("Own Gazette", Site.Url("/own/"),
            new Item("own-1", "Harbour reopened", Site.Url("/own/1"), FullHtml: FeedFixtures.FullBody("The harbour reopened this morning."))));
        var feed = await SubscribeAsync("/own/feed.xml");
        var reader = await ApiUsers.RegisterAsync(fixture.App, $"reader-{Guid.NewGuid():N}@example.org");

        Assert.Empty((await reader.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync($"/api/feeds/{feed}", new { shared = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.PostAsync($"/api/feeds/{feed}/refresh", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.App.CreateClient().GetAsync("/api/feeds")).StatusCode);
    }

    [Fact]
    public async Task A_javascript_site_link_is_dropped_and_an_item_with_one_keeps_no_source_url()
    {
        Site.Serve("/script/feed.xml", "application/rss+xml", FeedFixtures.Rss("Script Site", "javascript:alert(document.cookie)",
            new Item("script-1", "Harbour opens", "javascript:alert(1)", FullHtml: FeedFixtures.FullBody("The new harbour opened to boats on Monday."))));

        var id = await SubscribeAsync("/script/feed.xml");

        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("siteUrl").ValueKind);
        Assert.Equal(1, listed.GetProperty("articleCount").GetInt32());
        var articles = await Admin.GetFromJsonAsync<JsonElement>("/api/articles");
        Assert.DoesNotContain(articles.EnumerateArray(), a => a.GetProperty("sourceUrl").GetString()?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }

    private async Task<int> SubscribeAsync(string path)
    {
        var response = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url(path) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> RefreshAsync(int feed)
    {
        var response = await Admin.PostAsync($"/api/feeds/{feed}/refresh", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ArticleFromAsync(string url)
    {
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/articles");
        var slug = list.EnumerateArray().Single(a => a.GetProperty("sourceUrl").GetString() == url).GetProperty("slug").GetString();
        return await Admin.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
