using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Issue #21 on the reader page, on a desktop and a phone: "Remove from my library", then Undo from the list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderRemovalTests(BrowserFixture browser)
{
    private const string Seed = AnnotationBuilder.SeedSlug;

    [Theory]
    [InlineData(1280, 800, false)]
    [InlineData(390, 844, true)]
    public async Task A_reader_removes_the_article_they_are_reading_and_undoes_it_from_the_list(int width, int height, bool phone)
    {
        var context = await BrowserSession.NewContextAsync(browser, width, height, phone);
        var page = await context.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync($"/articles/{Seed}");
        var title = await page.Locator(".reader-header h1").TextContentAsync();

        // On a phone the tools are one folded menu; a wider screen shows them open.
        var tools = page.Locator(".reader-tools");
        if (await tools.GetAttributeAsync("open") is null)
        {
            await tools.Locator("summary").ClickAsync();
        }
        var remove = page.GetByRole(AriaRole.Button, new() { Name = "Remove from my library" });
        await Assertions.Expect(remove).ToBeVisibleAsync();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await ScreenshotAsync(page, $"reader-remove-{width}x{height}-{scheme.ToString().ToLowerInvariant()}");
        }

        await remove.ClickAsync();
        await Assertions.Expect(page.Locator(".remove-undo")).ToContainTextAsync("Removed from your library");
        await Assertions.Expect(page.Locator($".article-row[data-slug='{Seed}']")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"reader-removed-{width}x{height}-dark");

        await page.Locator(".remove-undo").GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator($".article-row[data-slug='{Seed}']")).ToHaveCountAsync(1);
        await page.GotoAsync($"/articles/{Seed}");
        await Assertions.Expect(page.Locator(".reader-header h1")).ToHaveTextAsync(title!);
        await context.CloseAsync();
    }

    /// <summary>Beside the layout check's screens, to be looked at.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "screens");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }
}
