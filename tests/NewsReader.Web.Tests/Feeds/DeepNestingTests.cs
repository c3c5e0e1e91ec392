using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>
/// Issue #24: a feed or page nested deeper than any article needs is refused with its reason
/// (422, problem details), and a polled feed that turns into one backs off like a failed fetch.
/// </summary>
public sealed class DeepNestingTests(FetchAppFixture fixture) : IClassFixture<FetchAppFixture>
{
    private FixtureWebServer Site => fixture.Site;
    private HttpClient Admin => fixture.Admin;

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string DeepRss(int depth) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><guid>deep-1</guid><title>Deep item</title><description>Some text.</description>"
        + Repeat("<a>", depth) + Repeat("</a>", depth) + "</item></channel></rss>";

    [Fact]
    public async Task A_feed_that_turns_deep_fails_its_refresh_with_the_reason_and_waits_longer_before_the_next_poll()
    {
        Site.Serve("/deepening/feed.xml", "application/rss+xml", FeedFixtures.Rss("Deepening Feed", Site.Url("/deepening/"),
            new Item("deepening-1", "Quay reopens", Site.Url("/deepening/1"), FullHtml: FeedFixtures.FullBody("The quay reopened after repairs to the sea wall."))));
        var subscribed = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/deepening/feed.xml") });
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
        var feed = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Site.Serve("/deepening/feed.xml", "application/rss+xml", DeepRss(32_000));

        var failed = await Admin.PostAsync($"/api/feeds/{feed}/refresh", null);

        await SaveUrlTests.AssertProblemAsync(failed, HttpStatusCode.UnprocessableEntity, "noArticle");
        Assert.Contains("levels deep", await failed.Content.ReadAsStringAsync());
        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == feed);
        Assert.Contains("levels deep", listed.GetProperty("lastError").GetString());
        // Twice the 30-minute interval after the first failure, as for a fetch that failed.
        var wait = listed.GetProperty("nextPoll").GetDateTime() - listed.GetProperty("lastFetched").GetDateTime();
        Assert.InRange(wait.TotalMinutes, 59, 61);
        // The articles already stored stay.
        Assert.Equal(1, listed.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task Subscribing_to_a_deep_feed_is_refused_and_nothing_is_kept()
    {
        Site.Serve("/deep/feed.xml", "application/rss+xml", DeepRss(200_000));

        var response = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/deep/feed.xml") });

        await SaveUrlTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "noArticle");
        Assert.Contains("levels deep", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray(), f => f.GetProperty("url").GetString()!.Contains("/deep/"));
    }

    [Fact]
    public async Task Saving_a_page_of_100_000_nested_divs_is_refused_with_the_reason()
    {
        Site.Serve("/deep/page.html", "text/html", "<!DOCTYPE html><html><head><title>Deep</title></head><body>"
            + Repeat("<div>", 100_000) + "<p>text</p>" + Repeat("</div>", 100_000) + "</body></html>");

        var response = await Admin.PostAsJsonAsync("/api/articles", new { url = Site.Url("/deep/page.html") });

        await SaveUrlTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "noArticle");
        Assert.Contains("levels deep", await response.Content.ReadAsStringAsync());
    }
}
