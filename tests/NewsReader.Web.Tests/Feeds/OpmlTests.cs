using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Feeds;

/// <summary>`/api/feeds/opml`: import from nested folders, duplicates and bad outlines counted; export as OPML 2.0.</summary>
public sealed class OpmlTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new(withSeed: false);
    private HttpClient admin = null!;

    public async Task InitializeAsync() => admin = await ApiUsers.RegisterAsync(app, "admin@example.org");

    public async Task DisposeAsync() => await app.DisposeAsync();

    private const string Subscriptions = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>My feeds</title></head>
          <body>
            <outline text="News">
              <outline text="World desk" title="World Desk" type="rss" xmlUrl="https://world.example/feed.xml" htmlUrl="https://world.example/"/>
              <outline text="Local">
                <outline text="City Hall" type="rss" xmlUrl="https://city.example/atom?utm_source=reader"/>
                <outline text="City Hall again" type="rss" xmlUrl="https://CITY.example/atom"/>
              </outline>
            </outline>
            <outline text="Science" type="rss" xmlUrl="http://science.example/rss"/>
            <outline text="Broken" type="rss" xmlUrl="not a url"/>
            <outline text="Old" type="rss" xmlUrl="gopher://old.example/feed"/>
            <outline text="Just a link" htmlUrl="https://blog.example/"/>
          </body>
        </opml>
        """;

    [Fact]
    public async Task Import_subscribes_to_every_feed_in_nested_folders_once_and_counts_the_rest()
    {
        var first = await ImportAsync(Subscriptions);

        Assert.Equal(3, first.GetProperty("added").GetInt32());
        Assert.Equal(1, first.GetProperty("existing").GetInt32());
        Assert.Equal(2, first.GetProperty("invalid").GetInt32());
        var feeds = await admin.GetFromJsonAsync<JsonElement>("/api/feeds");
        Assert.Equal(["City Hall", "Science", "World Desk"], feeds.EnumerateArray().Select(f => f.GetProperty("title").GetString()).Order());
        Assert.Contains(feeds.EnumerateArray(), f => f.GetProperty("url").GetString() == "https://city.example/atom");

        var again = await ImportAsync(Subscriptions);
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(4, again.GetProperty("existing").GetInt32());
    }

    [Theory]
    [InlineData("<opml version=\"2.0\"><head/><body><outline text=\"cut")]
    [InlineData("<rss version=\"2.0\"><channel><title>A feed, not a list</title></channel></rss>")]
    [InlineData("just text")]
    public async Task What_is_not_OPML_is_a_400(string body)
    {
        var response = await admin.PostAsync("/api/feeds/opml", new StringContent(body, Encoding.UTF8, "text/x-opml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Export_is_OPML_2_that_imports_again()
    {
        await ImportAsync(Subscriptions);

        var response = await admin.GetAsync("/api/feeds/opml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/x-opml", response.Content.Headers.ContentType?.MediaType);
        var opml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", opml.Root!.Attribute("version")!.Value);
        // Issue #21: folders are kept, as outlines around their feeds.
        var outlines = opml.Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null).ToList();
        Assert.Equal(3, outlines.Count);
        var world = outlines.Single(o => o.Attribute("xmlUrl")!.Value == "https://world.example/feed.xml");
        Assert.Equal("World Desk", world.Attribute("text")!.Value);
        Assert.Equal("https://world.example/", world.Attribute("htmlUrl")!.Value);

        var roundTrip = await ImportAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, roundTrip.GetProperty("existing").GetInt32());
    }

    [Fact]
    public async Task Site_links_that_are_not_http_are_dropped_on_import_and_never_exported()
    {
        var first = await ImportAsync("""
            <opml version="2.0"><head/><body>
              <outline text="Scripted" type="rss" xmlUrl="https://scripted.example/feed.xml" htmlUrl="javascript:alert(document.cookie)"/>
              <outline text="Data" type="rss" xmlUrl="https://data.example/feed.xml" htmlUrl=" data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>
              <outline text="Plain" type="rss" xmlUrl="https://plain.example/feed.xml" htmlUrl="https://plain.example/"/>
            </body></opml>
            """);

        Assert.Equal(3, first.GetProperty("added").GetInt32());
        var feeds = (await admin.GetFromJsonAsync<JsonElement>("/api/feeds")).EnumerateArray().ToList();
        Assert.Equal(["https://plain.example/"], feeds.Select(f => f.GetProperty("siteUrl").GetString()).OfType<string>());
        var exported = await admin.GetStringAsync("/api/feeds/opml");
        Assert.DoesNotContain("javascript:", exported);
        Assert.DoesNotContain("data:", exported);
    }

    private async Task<JsonElement> ImportAsync(string opml)
    {
        var response = await admin.PostAsync("/api/feeds/opml", new StringContent(opml, Encoding.UTF8, "text/x-opml"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
