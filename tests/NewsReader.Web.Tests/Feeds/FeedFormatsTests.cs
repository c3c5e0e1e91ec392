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
