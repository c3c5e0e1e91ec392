using Microsoft.Playwright;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Item = NewsReader.Web.Tests.Fetching.FeedFixtures.Item;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Issue #21 in a browser, on a desktop and a phone: a reader's feed, its unread count, mark all read and undo, paging, removing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LibraryTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int Items = 52;
    private FixtureWebServer site = null!;

    public async Task InitializeAsync() => site = await FixtureWebServer.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Theory]
    [InlineData(1280, 800, false)]
    [InlineData(390, 844, true)]
    public async Task A_reader_subscribes_sees_unread_counts_opens_the_feed_marks_it_read_and_undoes_pages_on_and_removes_one(int width, int height, bool phone)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var feedTitle = $"Estuary Echo {unique}";
        site.Serve($"/{unique}/feed.xml", "application/rss+xml", FeedFixtures.Rss(feedTitle, site.Url("/"),
            Enumerable.Range(1, Items).Select(i => new Item($"echo-{unique}-{i}", $"Tide report {i} {unique}", site.Url($"/{unique}/tide-{i}"),
                FullHtml: $"<p>The tide on day {i} rose higher than the harbour master expected, and the quay stayed closed until noon.</p>")).ToArray()));
        var context = await BrowserSession.NewContextAsync(browser, width, height, phone);
        var page = await context.NewPageAsync();
        await BrowserSession.SignUpAsync(page);

        // Subscribe as an ordinary reader.
        await page.GotoAsync("/feeds");
        await page.GetByLabel("Feed address").FillAsync(site.Url($"/{unique}/feed.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Subscribed to {feedTitle}");

        // The sidebar (a drawer on the phone) counts the feed's unread items.
        await page.GotoAsync("/");
        var sidebar = page.Locator(".library-sidebar");
        if (phone)
        {
            await Assertions.Expect(sidebar).Not.ToHaveAttributeAsync("open", "");
            await sidebar.Locator("summary").ClickAsync();
        }
        var feed = sidebar.Locator(".library-feed", new() { HasText = feedTitle });
        await Assertions.Expect(feed.Locator(".unread-count")).ToHaveTextAsync($"{Items}");

        // Open the feed: 50 rows and an "Older" link; mark all read, then undo.
        await feed.GetByRole(AriaRole.Link, new() { Name = feedTitle }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(feedTitle);
        await Assertions.Expect(page.Locator(".article-row")).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mark-read-undo")).ToContainTextAsync($"Marked {Items} articles as read.");
        await Assertions.Expect(page.Locator(".library-feed", new() { HasText = feedTitle }).Locator(".unread-count")).ToHaveTextAsync("0");
        await page.Locator(".mark-read-undo").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".library-feed", new() { HasText = feedTitle }).Locator(".unread-count")).ToHaveTextAsync($"{Items}");
        await Assertions.Expect(page.Locator(".article-row.is-read")).ToHaveCountAsync(0);

        if (!phone)
        {
            // j past the last row opens the older page on its first row; m marks it read and unread; k past the first comes back.
            var rows = page.Locator(".article-row");
            await rows.Last.Locator(".article-link").FocusAsync();
            await page.Keyboard.PressAsync("j");
            await Assertions.Expect(rows).ToHaveCountAsync(Items - 50);
            await Assertions.Expect(rows.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));
            await page.Keyboard.PressAsync("m");
            await Assertions.Expect(rows.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-read\b"));
            await page.Keyboard.PressAsync("m");
            await Assertions.Expect(rows.First).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-read\b"));
            await page.Keyboard.PressAsync("k");
            await Assertions.Expect(rows).ToHaveCountAsync(50);
            await Assertions.Expect(rows.Last).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));
        }

        // Page on by keyset, then back.
        await page.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();
        await Assertions.Expect(page.Locator(".article-row")).ToHaveCountAsync(Items - 50);
        Assert.Contains("after=", page.Url);

        // Remove one from my library, with Undo offered.
        var first = page.Locator(".article-row").First;
        var title = await first.Locator(".article-link").TextContentAsync();
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove ") }).ClickAsync();
        await Assertions.Expect(page.Locator(".remove-undo")).ToContainTextAsync("Removed from your library");
        await Assertions.Expect(page.Locator(".article-row", new() { HasText = title! })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".article-row")).ToHaveCountAsync(Items - 51);

        await page.Locator(".pager").GetByRole(AriaRole.Link, new() { Name = "Newer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".article-row")).ToHaveCountAsync(50);
        await context.CloseAsync();
    }
}
