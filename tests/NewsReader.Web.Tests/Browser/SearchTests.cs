using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    [Fact]
    public async Task Search_a_word_from_a_note_click_the_hit_and_land_on_the_marked_passage()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync("/articles/" + AnnotationBuilder.SeedSlug);
        await BrowserSession.SelectAsync(page, "defense industry cooperation forum", "joint production of missiles");
        await page.Locator(".selection-toolbar").GetByRole(AriaRole.Button, new() { Name = "Note" }).ClickAsync();
        var word = $"quokka{Guid.NewGuid():N}"[..14];
        await page.Locator("dialog.note-dialog").GetByLabel("Note (Markdown)").FillAsync($"Remember the {word} forum.");
        await page.Locator("dialog.note-dialog").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Notebook" }).ClickAsync();
        await page.GetByLabel("Search notes, highlights, tags and articles").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".hit-note mark")).ToHaveTextAsync(word);
        await page.Locator(".annotation-hit a.hit-link").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/.+#annotation-"));
        var id = page.Url.Split("#annotation-")[1];
        var mark = page.Locator($"mark[data-annotation-id='{id}']").First;
        await Assertions.Expect(mark).ToBeInViewportAsync();
        await Assertions.Expect(mark).ToContainTextAsync("defense industry cooperation forum");
        await Assertions.Expect(mark).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flash"));
        await page.Context.CloseAsync();
    }
}
