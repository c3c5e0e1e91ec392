using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Two readers on one article, search as you type and the `/` key, at 1280x800.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InCompanyTests(BrowserFixture browser)
{
    private const string Article = "/articles/" + AnnotationBuilder.SeedSlug;

    private async Task<IPage> PageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        return page;
    }

    private static async Task PasteQuoteAsync(IPage page, string quote, string note, string visibility, string shows)
    {
        var form = page.Locator(".paste-quote");
        if (await form.GetAttributeAsync("open") is null)
        {
            await form.Locator("summary").ClickAsync();
        }
        await form.GetByLabel("Exact text from the article").FillAsync(quote);
        await form.GetByLabel("Note (Markdown)").FillAsync(note);
        await form.GetByLabel("Who can see it").SelectOptionAsync(visibility);
        await form.GetByRole(AriaRole.Button, new() { Name = "Highlight" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item", new() { HasText = shows })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_second_reader_sees_the_first_ones_public_note_under_their_name_and_not_the_private_one()
    {
        var first = await PageAsync();
        await BrowserSession.SignUpAsync(first);
        var name = $"Ines {Guid.NewGuid():N}"[..13];
        await first.GotoAsync("/settings");
        await first.GetByLabel("Display name").FillAsync(name);
        await first.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync(name);
        await first.GotoAsync(Article);
        var word = $"w{Guid.NewGuid():N}"[..10];
        await PasteQuoteAsync(first, "Rose Garden", $"Public thought {word}", "Public", $"Public thought {word}");
        await PasteQuoteAsync(first, "closer relationships", $"Private thought {word}", "Private", $"Private thought {word}");
        await first.Context.CloseAsync();

        var second = await PageAsync();
        await BrowserSession.SignUpAsync(second);
        await second.GotoAsync(Article);
        var shared = second.Locator(".annotation-item", new() { HasText = $"Public thought {word}" });
        await Assertions.Expect(shared).ToHaveCountAsync(1);
        await Assertions.Expect(shared.Locator(".author")).ToHaveTextAsync($"by {name}");
        await Assertions.Expect(second.Locator(".annotations")).Not.ToContainTextAsync($"Private thought {word}");
        await Assertions.Expect(second.Locator(".annotation-filter [data-filter=mine]")).ToHaveTextAsync("Mine (0)");

        await second.Locator(".annotation-filter [data-filter=mine]").ClickAsync();
        await Assertions.Expect(second.Locator(".annotation-item")).ToHaveCountAsync(0);
        await Assertions.Expect(second.Locator(".annotations .empty")).ToContainTextAsync("You have not annotated this article yet");
        await second.Context.CloseAsync();

        // The article is shared by every browser test: leave no public highlight on it.
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReader.Web.Data.NewsReaderDb>();
        await db.Annotations.Where(a => a.Note != null && a.Note.Contains(word)).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task Results_follow_the_typing_the_address_keeps_up_and_a_reload_keeps_them()
    {
        var page = await PageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(Article);
        var word = $"zebu{Guid.NewGuid():N}"[..12];
        await PasteQuoteAsync(page, "Rose Garden", $"A **bold** {word} thought", "Private", $"A bold {word} thought");

        await page.GotoAsync("/search");
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync("in your notebook");
        var box = page.GetByLabel("Search notes, highlights, tags and articles");
        await box.PressSequentiallyAsync(word[..7], new() { Delay = 40 });

        // No Enter: the results change on their own, the typed word read as a prefix.
        var hit = page.Locator(".annotation-hit .hit-note mark");
        await Assertions.Expect(hit).ToHaveTextAsync(word);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/search\\?q={word[..7]}&live=1$"));
        await Assertions.Expect(page.Locator(".hit-note")).ToHaveTextAsync($"A bold {word} thought");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".annotation-hit .hit-note mark")).ToHaveTextAsync(word);
        await Assertions.Expect(page.GetByLabel("Search notes, highlights, tags and articles")).ToHaveValueAsync(word[..7]);

        await page.GetByLabel("Search notes, highlights, tags and articles").FillAsync("qqqzzznomatch");
        await Assertions.Expect(page.Locator("#search-results .empty")).ToContainTextAsync("Nothing matches");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=qqqzzznomatch&live=1$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_slash_key_focuses_the_search_box_from_any_page_but_not_while_typing()
    {
        var page = await PageAsync();
        await page.GotoAsync(Article);
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search$"));
        var box = page.Locator("#search-q");
        await Assertions.Expect(box).ToBeFocusedAsync();

        await page.Locator("h1").ClickAsync();
        await Assertions.Expect(box).Not.ToBeFocusedAsync();
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("a/b");
        await Assertions.Expect(box).ToHaveValueAsync("a/b");
        await page.Context.CloseAsync();
    }
}
