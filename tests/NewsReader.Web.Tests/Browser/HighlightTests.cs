using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HighlightTests(BrowserFixture browser)
{
    private const string ArticleUrl = "/articles/" + AnnotationBuilder.SeedSlug;

    [Fact]
    public async Task Highlight_across_a_sub_heading_with_a_note_then_reload_edit_and_delete()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);

        await BrowserSession.SelectAsync(page, "Rose Garden said", "Prevent China's unilateral");
        await Assertions.Expect(page.Locator(".selection-toolbar")).ToBeVisibleAsync();
        await page.Locator(".selection-toolbar").GetByRole(AriaRole.Button, new() { Name = "Note" }).ClickAsync();
        var dialog = page.Locator("dialog.note-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Note (Markdown)").FillAsync("The **most significant** upgrade, they say.");
        await dialog.GetByLabel("Tags, separated by commas").FillAsync("alliance, defence");
        await dialog.GetByLabel("Colour").SelectOptionAsync("green");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".dialog-error")).ToHaveTextAsync("");

        var item = page.Locator(".annotation-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await page.ReloadAsync();
        var marks = page.Locator(".reader-body mark.hl-green");
        Assert.True(await marks.CountAsync() >= 2, "the highlight spans a paragraph and the sub-heading after it");
        await Assertions.Expect(page.Locator(".reader-body h2 mark").First).ToContainTextAsync("Prevent China's unilateral");
        await Assertions.Expect(item.Locator(".note strong")).ToHaveTextAsync("most significant");
        await Assertions.Expect(item.Locator(".tag")).ToHaveTextAsync(new[] { "#alliance", "#defence" });

        await item.GetByText("Edit", new() { Exact = true }).ClickAsync();
        await item.GetByLabel("Note (Markdown)").FillAsync("Edited: *really* the most significant?");
        await item.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item .note em")).ToHaveTextAsync("really");

        await page.Locator(".annotation-item").GetByText("Edit", new() { Exact = true }).ClickAsync();
        await page.Locator(".annotation-item").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".reader-body mark")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_h_key_highlights_and_a_deep_link_scrolls_to_the_passage()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);

        await BrowserSession.SelectAsync(page, "Japanese astronauts will participate", "mission of NASA");
        await page.Keyboard.PressAsync("h");
        var item = page.Locator(".annotation-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        var id = await item.GetAttributeAsync("data-annotation-id");

        await page.GotoAsync("/");
        await page.GotoAsync($"{ArticleUrl}#annotation-{id}");
        var mark = page.Locator($"mark[data-annotation-id='{id}']").First;
        await Assertions.Expect(mark).ToBeInViewportAsync();
        await Assertions.Expect(mark).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flash"));
        await Assertions.Expect(mark).ToContainTextAsync("Japanese astronauts will participate");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "newsreader-deep-link.png"), FullPage = false });
        await page.Context.CloseAsync();
    }
}
