using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>
/// Feed items are never lost: a site whose item pages answer 404, 403 or never answer (the
/// fetch time limit is one second here), polled twice with validators.
/// </summary>
public sealed class FeedItemsTests : IAsyncLifetime
{
    private readonly FetchAppFixture fixture = FetchAppFixture.With(settings: (FetchOptions.Section + ":TimeoutSeconds", "1"));
    private FixtureWebServer Site => fixture.Site;
    private HttpClient Admin => fixture.Admin;

    public Task InitializeAsync() => fixture.InitializeAsync();

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Items_whose_pages_fail_keep_their_own_text_are_named_in_the_list_and_arrive_later()
    {
        Site.Handle("/lost/forbidden", context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
        Site.Handle("/lost/slow", async context =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        Site.Serve("/lost/ok", "text/html", FeedFixtures.Page("Lock gates repaired", "The lock gates were repaired in a week."));
        Site.Serve("/lost/feed.xml", "application/rss+xml", FeedFixtures.Rss("Canal News", Site.Url("/lost/"),
            new Item("c-404", "Towpath closed", Site.Url("/lost/missing"), Summary: "The towpath is closed for a fortnight."),
            new Item("c-403", "Boat rally moved", Site.Url("/lost/forbidden"), Summary: "The boat rally moves to June."),
            new Item("c-slow", "Heron returns", Site.Url("/lost/slow"), Summary: "The grey heron is back at the basin."),
            new Item("c-ok", "Lock gates repaired", Site.Url("/lost/ok"), Summary: "Gates fixed.")),
            etag: "\"v1\"");

        var feed = await FeedFormatsTests.SubscribeAsync(Admin, Site.Url("/lost/feed.xml"));

        var listed = await ListedAsync(feed);
        Assert.Equal(4, listed.GetProperty("articleCount").GetInt32());
        Assert.Equal(3, listed.GetProperty("itemErrors").GetInt32());
        // The latest failure is named: the page that never answered, tried last.
        Assert.Contains("/lost/slow", listed.GetProperty("lastError").GetString());
        Assert.Contains("did not answer within 1 seconds", listed.GetProperty("lastError").GetString());
        Assert.Contains("The towpath is closed for a fortnight.", (await ArticleFromAsync("/lost/missing")).GetProperty("text").GetString());
        Assert.Contains("The boat rally moves to June.", (await ArticleFromAsync("/lost/forbidden")).GetProperty("text").GetString());
        Assert.Contains("The grey heron is back", (await ArticleFromAsync("/lost/slow")).GetProperty("text").GetString());
        Assert.Contains("repaired in a week", (await ArticleFromAsync("/lost/ok")).GetProperty("text").GetString());

        // The validators were kept although items failed: the second poll is a 304 and fetches no page.
        var again = await RefreshAsync(feed);
        Assert.True(again.GetProperty("notModified").GetBoolean());
        Assert.Equal("\"v1\"", Site.Requests.Last(r => r.Path == "/lost/feed.xml").IfNoneMatch);
        Assert.Equal(1, Site.CountOf("/lost/missing"));
        Assert.Equal(1, Site.CountOf("/lost/forbidden"));

        // The page comes back; once its retry is due, the next poll (a 304 still) brings it as a new revision.
        Site.Serve("/lost/missing", "text/html", FeedFixtures.Page("Towpath closed", "The towpath between the two locks closes on Monday for resurfacing."));
        await MakeRetriesDueAsync(feed);
        var later = await RefreshAsync(feed);

        Assert.True(later.GetProperty("notModified").GetBoolean());
        Assert.Equal(1, later.GetProperty("revised").GetInt32());
        var towpath = await ArticleFromAsync("/lost/missing");
        Assert.Equal(2, towpath.GetProperty("revision").GetInt32());
        Assert.Contains("closes on Monday for resurfacing", towpath.GetProperty("text").GetString());
        Assert.Equal(2, later.GetProperty("feed").GetProperty("itemErrors").GetInt32());
    }

    [Fact]
    public async Task Items_that_differ_only_by_fragment_stay_apart_and_their_shared_page_is_not_fetched()
    {
        Site.Serve("/daily/2026-12-01", "text/html", FeedFixtures.Page("Notes for the first", "Three short posts on one page."));
        Site.Serve("/daily/feed.xml", "application/rss+xml", $"""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Daily Notes</title><link>{Site.Url("/daily/")}</link>
            <item><title>Morning</title><link>{Site.Url("/daily/2026-12-01#morning")}</link><description>Frost on the allotments.</description></item>
            <item><title>Noon</title><link>{Site.Url("/daily/2026-12-01#noon")}</link><description>The frost has gone.</description></item>
            <item><title>Evening</title><link>{Site.Url("/daily/2026-12-01#evening")}</link><description>Rain from the west.</description></item>
            </channel></rss>
            """);

        var feed = await FeedFormatsTests.SubscribeAsync(Admin, Site.Url("/daily/feed.xml"));

        var listed = await ListedAsync(feed);
        Assert.Equal(3, listed.GetProperty("articleCount").GetInt32());
        Assert.Equal(0, listed.GetProperty("itemErrors").GetInt32());
        Assert.Equal(0, Site.CountOf("/daily/2026-12-01"));
    }

    [Fact]
    public async Task A_feed_cut_short_keeps_the_items_before_the_cut_says_so_and_is_fetched_whole_next_time()
    {
        var whole = FeedFixtures.Rss("Quay Post", Site.Url("/cut/"),
            new Item("q-1", "Crane dismantled", Site.Url("/cut/crane"), FullHtml: FeedFixtures.FullBody("The old crane came down on Tuesday.")),
            new Item("q-2", "Tide tables printed", Site.Url("/cut/tides"), FullHtml: FeedFixtures.FullBody("The new tide tables are at the harbour office.")),
            new Item("q-3", "Pier lights renewed", Site.Url("/cut/pier"), FullHtml: FeedFixtures.FullBody("Every lamp on the pier is new.")));
        // The download stopped in the middle of the third item.
        Site.Serve("/cut/feed.xml", "application/rss+xml", whole[..whole.IndexOf("Every lamp", StringComparison.Ordinal)], etag: "\"whole\"");

        var feed = await FeedFormatsTests.SubscribeAsync(Admin, Site.Url("/cut/feed.xml"));

        var listed = await ListedAsync(feed);
        Assert.Equal(2, listed.GetProperty("articleCount").GetInt32());
        Assert.Contains("truncated feed", listed.GetProperty("lastError").GetString());
        Assert.Contains("the 2 items complete before the cut were read", listed.GetProperty("lastError").GetString());
        Assert.Contains("The old crane came down", (await ArticleFromAsync("/cut/crane")).GetProperty("text").GetString());

        // The validators named the whole feed, so they were not kept: the next poll asks for all of it and gets the rest.
        Site.Serve("/cut/feed.xml", "application/rss+xml", whole, etag: "\"whole\"");
        var again = await RefreshAsync(feed);

        Assert.False(again.GetProperty("notModified").GetBoolean());
        Assert.Equal("", Site.Requests.Last(r => r.Path == "/cut/feed.xml").IfNoneMatch);
        Assert.Equal(1, again.GetProperty("added").GetInt32());
        listed = await ListedAsync(feed);
        Assert.Equal(3, listed.GetProperty("articleCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lastError").ValueKind);
    }

    private async Task MakeRetriesDueAsync(int feed)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var past = DateTime.UtcNow.AddMinutes(-1);
        await db.FeedItems.Where(i => i.FeedId == feed && i.RetryAt != null).ExecuteUpdateAsync(s => s.SetProperty(i => i.RetryAt, past));
    }

    private async Task<JsonElement> ListedAsync(int feed) =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == feed);

    private async Task<JsonElement> RefreshAsync(int feed)
    {
        var response = await Admin.PostAsync($"/api/feeds/{feed}/refresh", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ArticleFromAsync(string path)
    {
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/articles");
        var slug = list.EnumerateArray().Single(a => a.GetProperty("sourceUrl").GetString() == Site.Url(path)).GetProperty("slug").GetString();
        return await Admin.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
    }
}
