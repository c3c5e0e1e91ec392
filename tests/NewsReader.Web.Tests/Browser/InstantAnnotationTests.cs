using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>
/// Annotating in place at desktop and phone sizes: selections made with the selection API only
/// (no synthetic mouse events), every write without a reload, the highlight's popover, Undo
/// after a delete, the notes panel on a phone, and axe-core on each new state.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InstantAnnotationTests(BrowserFixture browser)
{
    private const string ArticleUrl = "/articles/" + AnnotationBuilder.SeedSlug;

    private async Task<IPage> NewPageAsync(bool phone, string scheme = "light")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 800 },
            HasTouch = phone,
            IsMobile = phone,
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BypassCSP = true, // axe injects its script; the app's own pages never need this
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    private static Task ClickAsync(ILocator target, bool phone) => phone ? target.TapAsync() : target.ClickAsync();

    /// <summary>A marker that a navigation or reload would wipe out.</summary>
    private static Task MarkDocumentAsync(IPage page) => page.EvaluateAsync("() => window.__sameDocument = true");

    private static async Task AssertSameDocumentAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded or navigated");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Highlight_note_colour_delete_and_undo_happen_in_place(bool phone)
    {
        var page = await NewPageAsync(phone);
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        await MarkDocumentAsync(page);

        // A selection on the first visible line: no room above it, so the toolbar goes below.
        await BrowserSession.SelectAsync(page, "Bayon and Kishida", "two hours");
        await page.EvaluateAsync("() => window.scrollBy(0, window.getSelection().getRangeAt(0).getBoundingClientRect().top - 2)");
        await BrowserSession.SelectAsync(page, "Bayon and Kishida", "two hours");
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Highlight the selection" });
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        var box = (await toolbar.BoundingBoxAsync())!;
        var viewport = page.ViewportSize!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= viewport.Height && box.X >= 0 && box.X + box.Width <= viewport.Width,
            $"toolbar at {box.X},{box.Y} {box.Width}x{box.Height} is outside the {viewport.Width}x{viewport.Height} viewport");
        var selectionBottom = await page.EvaluateAsync<double>("() => window.getSelection().getRangeAt(0).getBoundingClientRect().bottom");
        Assert.True(box.Y >= selectionBottom, $"toolbar top {box.Y} should be below the selection ({selectionBottom})");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Highlight green" })).ToHaveAttributeAsync("title", "Highlight green");

        await ClickAsync(toolbar.GetByRole(AriaRole.Button, new() { Name = "Highlight green" }), phone);
        var mark = page.Locator(".reader-body mark.hl-green").First;
        await Assertions.Expect(mark).ToHaveTextAsync(new Regex("^Bayon and Kishida"));
        await Assertions.Expect(page.Locator("#annotations-heading .count")).ToHaveTextAsync("(1)");
        var id = await mark.GetAttributeAsync("data-annotation-id");

        // The popover from the mark: add a note and tags, then change the colour.
        await ClickAsync(mark, phone);
        var popover = page.GetByRole(AriaRole.Dialog, new() { Name = "Highlight" });
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await popover.GetByRole(AriaRole.Button, new() { Name = "Edit note and tags" }).ClickAsync();
        await popover.GetByLabel("Note (Markdown)").FillAsync("Two hours is **long** for a summit.");
        await popover.GetByLabel("Tags, separated by commas").FillAsync("summit, time");
        await popover.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(popover).ToHaveCountAsync(0);
        var item = page.Locator($".annotation-item[data-annotation-id='{id}']");
        await Assertions.Expect(item.Locator(".note strong")).ToHaveTextAsync("long");
        await Assertions.Expect(item.Locator(".tag")).ToHaveTextAsync(new[] { "#summit", "#time" });

        await ClickAsync(page.Locator($".reader-body mark[data-annotation-id='{id}']").First, phone);
        await Assertions.Expect(popover.Locator(".note strong")).ToHaveTextAsync("long");
        await popover.GetByRole(AriaRole.Button, new() { Name = "blue" }).ClickAsync();
        await Assertions.Expect(page.Locator($".reader-body mark.hl-blue[data-annotation-id='{id}']")).ToHaveCountAsync(1);

        // Delete, then Undo within the 10 seconds: back with its id, note and tags.
        await ClickAsync(page.Locator($".reader-body mark[data-annotation-id='{id}']").First, phone);
        await popover.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var toast = page.Locator(".toast");
        await Assertions.Expect(toast).ToHaveTextAsync("Deleted · Undo");
        await Assertions.Expect(page.Locator(".reader-body mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#annotations-heading .count")).ToHaveTextAsync("(0)");
        await ClickAsync(toast.GetByRole(AriaRole.Button, new() { Name = "Undo" }), phone);
        await Assertions.Expect(page.Locator($".reader-body mark.hl-blue[data-annotation-id='{id}']")).ToHaveCountAsync(1);
        await Assertions.Expect(item.Locator(".note strong")).ToHaveTextAsync("long");
        await Assertions.Expect(item.Locator(".tag")).ToHaveTextAsync(new[] { "#summit", "#time" });
        await Assertions.Expect(toast).ToBeHiddenAsync();

        if (phone)
        {
            // The list is a panel on a phone: open it from "Notes (1)", close back to the same place.
            await page.EvaluateAsync("() => window.scrollTo(0, 600)");
            var before = await page.EvaluateAsync<double>("() => window.scrollY");
            var notes = page.GetByRole(AriaRole.Button, new() { Name = "Notes (1)" });
            await notes.TapAsync();
            var panel = page.Locator(".annotations");
            await Assertions.Expect(panel).ToBeVisibleAsync();
            await Assertions.Expect(panel).ToHaveAttributeAsync("role", "dialog");
            await Assertions.Expect(item).ToBeInViewportAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
            await Assertions.Expect(panel).ToBeHiddenAsync();
            Assert.Equal(before, await page.EvaluateAsync<double>("() => window.scrollY"));
            await Assertions.Expect(notes).ToBeFocusedAsync();
        }
        await AssertSameDocumentAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_reaches_the_toolbar_escape_closes_it_and_n_and_enter_open_a_highlight()
    {
        var page = await NewPageAsync(phone: false);
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        await MarkDocumentAsync(page);

        await BrowserSession.SelectAsync(page, "Two leaders issued", "joint statement");
        var toolbar = page.GetByRole(AriaRole.Toolbar);
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-reader-status]")).ToContainTextAsync("press Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Highlight yellow" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Highlight green" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(toolbar).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("h");
        await Assertions.Expect(page.Locator(".reader-body mark")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.Keyboard.PressAsync("n");
        var mark = page.Locator(".reader-body mark").First;
        await Assertions.Expect(mark).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var popover = page.GetByRole(AriaRole.Dialog, new() { Name = "Highlight" });
        await Assertions.Expect(popover).ToContainTextAsync("Two leaders issued");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popover).ToHaveCountAsync(0);
        await Assertions.Expect(mark).ToBeFocusedAsync();
        await AssertSameDocumentAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_popover_panel_and_toast_have_no_serious_accessibility_violations(string scheme)
    {
        var page = await NewPageAsync(phone: true, scheme);
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        await BrowserSession.SelectAsync(page, "Rose Garden", "Rose Garden");
        await page.Keyboard.PressAsync("h");
        var mark = page.Locator(".reader-body mark").First;
        await Assertions.Expect(mark).ToHaveCountAsync(1);

        await mark.TapAsync();
        await Assertions.Expect(page.Locator(".annotation-popover")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"popover ({scheme})");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Button, new() { Name = "Notes (1)" }).TapAsync();
        await Assertions.Expect(page.Locator(".annotations.panel-open")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"notes panel ({scheme})");
        await page.Keyboard.PressAsync("Escape");

        await mark.TapAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).TapAsync();
        await Assertions.Expect(page.Locator(".toast")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(page, $"toast ({scheme})");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Header_and_content_share_one_column_and_the_phone_header_is_one_line(int width, int height)
    {
        var page = await NewPageAsync(phone: width < 600);
        await page.SetViewportSizeAsync(width, height);
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);

        var header = (await page.Locator(".site-header").BoundingBoxAsync())!;
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.Equal(main.X, header.X, 1);
        Assert.Equal(main.Width, header.Width, 1);
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        if (width < 600)
        {
            Assert.True(header.Height < 70, $"the phone header is {header.Height}px tall");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true })).ToBeHiddenAsync();
            await menu.TapAsync();
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true })).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(menu).ToBeHiddenAsync();
            var reader = (await page.Locator(".reader-layout").BoundingBoxAsync())!;
            Assert.Equal(header.X + 16, reader.X, 1); // the header's padding
            Assert.Equal(header.Width - 32, reader.Width, 1);
        }
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
