using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Pages;

/// <summary>/feeds, the save form and the bookmarklet through forms only, antiforgery tokens included.</summary>
public sealed class FeedsPageTests : IAsyncLifetime
{
    private readonly FetchAppFixture fixture = new();
    private FixtureWebServer site = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        site = fixture.Site;
        // The administrator again, signed in through the form with a cookie.
        admin = fixture.App.CreateClient();
        await Forms.LoginAsync(admin, FetchAppFixture.AdminEmail);
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task An_administrator_subscribes_imports_and_unsubscribes_on_the_page()
    {
        site.Serve("/feed.xml", "application/rss+xml", FeedFixtures.Rss("Pier Post", site.Url("/"),
            new Item("pier-1", "Pier reopens", site.Url("/pier-1"), FullHtml: FeedFixtures.FullBody("The pier reopened on Saturday."))));

        var subscribed = await Forms.SubmitAsync(admin, "/feeds", new Dictionary<string, string> { ["url"] = site.Url("/feed.xml") }, "form.subscribe-form");

        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        var page = await HtmlDocument.ParseAsync(subscribed);
        Assert.Contains("Subscribed to Pier Post: 1 articles", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-feed-id] .feed-count")!.TextContent);

        var imported = await UploadOpmlAsync("""
            <opml version="2.0"><head/><body><outline text="Folder">
              <outline text="Dock Digest" xmlUrl="https://dock.example/rss"/>
              <outline text="Pier Post" xmlUrl="REPLACE"/>
            </outline></body></opml>
            """.Replace("REPLACE", site.Url("/feed.xml")));
        Assert.Contains("1 added, 1 already subscribed, 0 invalid", imported.QuerySelector("[role=status]")!.TextContent);

        var export = await admin.GetAsync("/feeds?handler=Export");
        Assert.Contains("https://dock.example/rss", await export.Content.ReadAsStringAsync());

        var id = imported.QuerySelectorAll("[data-feed-id]").Single(r => r.TextContent.Contains("Pier Post")).GetAttribute("data-feed-id");
        var gone = await Forms.SubmitAsync(admin, "/feeds", new Dictionary<string, string>(), $"[data-feed-id='{id}'] form[action*=Unsubscribe]");
        Assert.Contains("Unsubscribed", (await HtmlDocument.ParseAsync(gone)).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task A_feed_address_that_fails_is_explained_on_the_page()
    {
        var response = await Forms.SubmitAsync(admin, "/feeds", new Dictionary<string, string> { ["url"] = site.Url("/no-feed-here.xml") }, "form.subscribe-form");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("404", (await HtmlDocument.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task Readers_save_pages_and_manage_their_own_feeds()
    {
        var reader = fixture.App.CreateClient();
        await Forms.RegisterAsync(reader, "reader@example.org");
        site.Serve("/note.txt", "text/plain", WebFixtures.TextStory("Beach cleaning day"));

        var saved = await Forms.SubmitAsync(reader, "/", new Dictionary<string, string> { ["save"] = site.Url("/note.txt") }, "form.save-url-form");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.StartsWith("/articles/", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var feeds = await reader.GetAsync("/feeds");
        // Issue #21: every reader follows feeds of their own.
        Assert.Contains("Feed address", await feeds.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_save_form_needs_its_antiforgery_token()
    {
        var response = await admin.PostAsync("/?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string> { ["save"] = site.Url("/note.txt") }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task The_settings_page_offers_a_bookmarklet_that_opens_the_save_form()
    {
        var settings = await HtmlDocument.GetAsync(admin, "/settings");

        var link = settings.QuerySelector("[data-testid=bookmarklet]")!.GetAttribute("href")!;
        Assert.Equal("javascript:location.href='http://localhost/?save='+encodeURIComponent(location.href)", link);
        var prefilled = await HtmlDocument.GetAsync(admin, "/?save=" + Uri.EscapeDataString("https://news.example/a?b=1"));
        Assert.Equal("https://news.example/a?b=1", ((IHtmlInputElement)prefilled.QuerySelector("#save-url")!).Value);
    }

    private async Task<AngleSharp.Dom.IDocument> UploadOpmlAsync(string opml)
    {
        var page = await HtmlDocument.GetAsync(admin, "/feeds");
        var form = (IHtmlFormElement)page.QuerySelector("form[enctype='multipart/form-data']")!;
        var token = ((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(opml)), "file", "feeds.opml" },
        };
        var response = await admin.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlDocument.ParseAsync(response);
    }
}
