using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Highlighting and notes without a mouse, and the token copy button (issue 22).</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    private const string ArticleUrl = "/articles/" + AnnotationBuilder.SeedSlug;

    [Fact]
    public async Task Highlight_note_edit_and_delete_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        var active = () => page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");

        // `s` selects the first sentence of the paragraph in view; Shift+Right grows it by a word.
        await page.Keyboard.PressAsync("s");
        var sentence = await page.EvaluateAsync<string>("() => getSelection().toString()");
        Assert.StartsWith("U.S. President Biden", sentence);
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        await page.Keyboard.PressAsync("Shift+ArrowLeft");
        var grown = await page.EvaluateAsync<string>("() => getSelection().toString()");
        Assert.True(grown.Length > sentence.Length, $"Shift+Down then Shift+Left should leave more than the first sentence selected: '{grown}'");

        // Tab reaches the toolbar; End goes to Note; Enter opens the note dialog with focus in the note.
        var toolbar = page.Locator(".selection-toolbar");
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("End");
        Assert.Equal("Note", await active());
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator("dialog.note-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("Said at the start, by keyboard.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("keyboard");
        await TabToAsync(page, "Save");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // Focus lands on the new highlight; Enter opens it.
        var item = page.Locator(".annotation-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".reader-body mark:focus")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Enter");
        var popover = page.Locator(".annotation-popover");
        await Assertions.Expect(popover).ToContainTextAsync("Said at the start, by keyboard.");

        // The popover holds focus: Tab from its last control comes back to its first.
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.annotation-popover').contains(document.activeElement)"), "Tab left the open popover");
        }

        await TabToAsync(page, "Edit note and tags");
        await page.Keyboard.PressAsync("Enter");
        var note = popover.GetByLabel("Note (Markdown)");
        await Assertions.Expect(note).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Edited by keyboard.");
        await TabToAsync(page, "Save changes");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(item.Locator(".note")).ToHaveTextAsync("Edited by keyboard.");
        await Assertions.Expect(popover).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".reader-body mark:focus")).ToHaveCountAsync(1);

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await TabToAsync(page, "Delete");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".reader-body mark")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".toast-action")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_shortcut_list_names_every_key_and_re_attach_waits_for_a_selection()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        await page.Keyboard.PressAsync("?");
        var list = page.Locator("dialog.shortcuts-dialog");
        await Assertions.Expect(list).ToBeVisibleAsync();
        foreach (var key in new[] { "j", "k", "o", "u", "s", "h", "n", "p", "/", "?" })
        {
            await Assertions.Expect(list.Locator("kbd", new() { HasTextString = key }).First).ToBeVisibleAsync();
        }
        await page.Keyboard.PressAsync("Escape");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_token_copy_button_puts_the_token_on_the_clipboard()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = browser.BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync("/settings/tokens");
        await page.GetByLabel("Name").FillAsync("Clipboard test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = (await page.GetByTestId("token-secret").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy token" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copied" })).ToBeVisibleAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element's text is <paramref name="label"/>.</summary>
    private static async Task TabToAsync(IPage page, string label)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") == label)
            {
                return;
            }
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached '{label}'");
    }
}
