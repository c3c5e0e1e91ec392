using Microsoft.Playwright;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Saving a page from the list page and subscribing to a feed on /feeds, against a local fixture site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebSavingTests(BrowserFixture browser) : IAsyncLifetime
{
    private FixtureWebServer site = null!;

    public async Task InitializeAsync() => site = await FixtureWebServer.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_reader_saves_a_page_from_the_list_page_and_reads_it()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        site.Serve("/lighthouse.html", "text/html; charset=utf-8", FeedFixtures.Page($"Lighthouse keeper retires {unique}", "After forty years the keeper climbed the stairs for the last time."));
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);

        await page.GotoAsync("/");
        await page.GetByLabel("Save a page by URL").FillAsync(site.Url("/lighthouse.html"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save page" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Lighthouse keeper retires {unique}");
        await Assertions.Expect(page.Locator(".reader-body")).ToContainTextAsync("climbed the stairs for the last time");

        // A bad address is explained on the form, not a server error.
        await page.GotoAsync("/?save=" + Uri.EscapeDataString(site.Url("/missing.html")));
        await Assertions.Expect(page.GetByLabel("Save a page by URL")).ToHaveValueAsync(site.Url("/missing.html"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save page" }).ClickAsync();
        await Assertions.Expect(page.Locator(".save-problem")).ToContainTextAsync("404");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_subscribes_to_a_feed_and_sees_its_articles_counted()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        site.Serve("/feed.xml", "application/rss+xml", FeedFixtures.Rss($"Quay Courier {unique}", site.Url("/"),
            new Item($"quay-{unique}-1", $"Fish market moves {unique}", site.Url($"/fish-{unique}"), FullHtml: FeedFixtures.FullBody("The fish market moved to the east quay.")),
            new Item($"quay-{unique}-2", $"Tall ship visits {unique}", site.Url($"/ship-{unique}"), FullHtml: FeedFixtures.FullBody("A tall ship moored for three days."))));
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsAdministratorAsync(page, browser.App);

        await page.GetByRole(AriaRole.Link, new() { Name = "Feeds", Exact = true }).ClickAsync();
        await page.GetByLabel("Feed address").FillAsync(site.Url("/feed.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Subscribed to Quay Courier {unique}: 2 articles");
        var row = page.Locator("[data-feed-id]", new() { HasText = $"Quay Courier {unique}" });
        await Assertions.Expect(row.Locator(".feed-count")).ToHaveTextAsync("2");
        await Assertions.Expect(row.Locator(".feed-status")).ToHaveTextAsync("OK");

        await row.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Not modified");

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Fish market moves {unique}" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
