using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>Subscribing to feeds in every format the table holds, as real sites serve them.</summary>
public sealed class FeedFormatsTests(FetchAppFixture fixture) : IClassFixture<FetchAppFixture>
{
    private FixtureWebServer Site => fixture.Site;
    private HttpClient Admin => fixture.Admin;

    [Fact]
    public async Task A_json_feed_is_subscribed_and_the_fetch_asks_for_it()
    {
        Site.Serve("/json/feed.json", "application/feed+json", $$"""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Signal Box",
              "home_page_url": "{{Site.Url("/json/")}}",
              "items": [
                { "id": "sb-1", "url": "/json/1", "title": "Points replaced at the junction",
                  "content_html": "{{FeedFixtures.FullBody("Engineers replaced the points at the junction overnight.").Replace("\"", "\\\"")}}" }
              ]
            }
            """);

        var response = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/json/feed.json") });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var feed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Signal Box", feed.GetProperty("title").GetString());
        Assert.Equal(1, feed.GetProperty("articleCount").GetInt32());
        Assert.Contains("application/feed+json", Site.Requests.First(r => r.Path == "/json/feed.json").Accept);
        var article = await ArticleFromAsync(Site.Url("/json/1"));
        Assert.Contains("replaced the points", article.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_page_address_subscribes_to_the_feed_the_page_announces()
    {
        Site.Serve("/found/index.html", "text/html", $"""
            <!DOCTYPE html><html><head><title>Found Folio</title>
            <link rel="alternate" type="application/rss+xml" title="Folio" href="/found/rss"></head>
            <body><p>Welcome.</p></body></html>
            """);
        Site.Serve("/found/rss", "application/rss+xml", FeedFixtures.Rss("Found Folio", Site.Url("/found/"),
            new FeedFixtures.Item("ff-1", "Kiln fired again", Site.Url("/found/1"), FullHtml: FeedFixtures.FullBody("The old kiln was fired again after a decade."))));

        var response = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/found/index.html") });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var feed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Site.Url("/found/rss"), feed.GetProperty("url").GetString());
        Assert.Equal(1, feed.GetProperty("articleCount").GetInt32());
        // The page's address again finds the same subscription.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/found/index.html") })).StatusCode);
    }

    [Fact]
    public async Task A_truncated_feed_is_refused_with_a_message_that_says_so()
    {
        Site.Serve("/cut/feed.xml", "application/rss+xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Cut</title><item><title>Half");

        var response = await Admin.PostAsJsonAsync("/api/feeds", new { url = Site.Url("/cut/feed.xml") });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("truncated feed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_feed_with_white_space_before_its_declaration_and_html_entities_is_subscribed()
    {
        Site.Serve("/lenient/feed.xml", "text/xml", "\n\n  " + FeedFixtures.Rss("Lenient&nbsp;Ledger", Site.Url("/lenient/"),
            new FeedFixtures.Item("le-1", "Caf&eacute; opens", Site.Url("/lenient/1"), FullHtml: FeedFixtures.FullBody("The café opened on the corner."))));

        var id = await SubscribeAsync(Admin, Site.Url("/lenient/feed.xml"));

        var listed = (await Admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == id);
        Assert.Equal("Lenient\u00A0Ledger", listed.GetProperty("title").GetString());
        Assert.Equal("Café opens", (await ArticleFromAsync(Site.Url("/lenient/1"))).GetProperty("title").GetString());
    }

    internal static async Task<int> SubscribeAsync(HttpClient admin, string url)
    {
        var response = await admin.PostAsJsonAsync("/api/feeds", new { url });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> ArticleFromAsync(string url)
    {
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/articles");
        var slug = list.EnumerateArray().Single(a => a.GetProperty("sourceUrl").GetString() == url).GetProperty("slug").GetString();
        return await Admin.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
    }
}
