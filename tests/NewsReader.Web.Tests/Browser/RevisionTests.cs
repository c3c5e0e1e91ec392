using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Read, a revision comes in, the banner leads to the diff, and the changed highlights are kept, re-attached (by selecting the new text) or deleted.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RevisionTests(BrowserFixture browser)
{
    private const string First =
        "Summit closes with a pledge\n\n" +
        "The two leaders agreed on closer relationships between their navies on Tuesday, officials said after the talks.\n\n" +
        "Trade ministers will meet again in the spring to settle the remaining tariff questions.\n\n" +
        "Residents of the harbour town welcomed the visit, and the mayor thanked the delegations.";

    [Fact]
    public async Task Banner_leads_to_the_diff_and_changed_highlights_are_kept_reattached_or_deleted()
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-revision-").FullName;
        var file = Path.Combine(folder, "summit-pledge.txt");
        await File.WriteAllTextAsync(file, First);
        var slug = (await browser.App.IngestAsync(file)).Files.Single().Slug!;

        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync($"/articles/{slug}");
        var made = 0;
        foreach (var (from, to) in new[] { ("closer relationships", "closer relationships"), ("Trade ministers", "spring"), ("Residents of", "harbour town") })
        {
            await BrowserSession.SelectAsync(page, from, to);
            await page.Keyboard.PressAsync("h");
            // The highlight is written in place; the next selection waits for the page to show it.
            await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(++made);
        }

        await File.WriteAllTextAsync(file, First
            .Replace("closer relationships", "closer ties")
            .Replace("Trade ministers will meet again in the spring", "Finance ministers will gather in the autumn")
            .Replace("Residents of the harbour town welcomed the visit, and the", "The"));
        await browser.App.IngestAsync(file);

        await page.ReloadAsync();
        var banner = page.Locator(".update-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Updated since you read it: 3 paragraphs changed");
        await Assertions.Expect(page.Locator(".reader-body [data-changed]")).ToHaveCountAsync(3);

        await banner.GetByRole(AriaRole.Link, new() { Name = "See what changed" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diff del").First).ToContainTextAsync("relationships");
        await Assertions.Expect(page.Locator(".diff ins").First).ToContainTextAsync("ties");
        await page.GoBackAsync();

        // Keep: the highlight on "closer ties" takes the new words as its quote.
        var ties = page.Locator(".annotation-item", new() { Has = page.Locator(".revised-quotes ins", new() { HasText = "closer ties" }) });
        await ties.GetByRole(AriaRole.Button, new() { Name = "Keep the new text" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item", new() { HasText = "closer ties" }).Locator(".revised-quotes")).ToHaveCountAsync(0);

        // Re-attach is offered on the changed ministers highlight (the form on its edit page, the selection button).
        var ministers = page.Locator(".annotation-item", new() { Has = page.Locator(".revised-quotes del", new() { HasText = "Trade ministers" }) });
        await Assertions.Expect(ministers.GetByRole(AriaRole.Link, new() { Name = "Re-attach to other text" })).ToBeVisibleAsync();
        // Re-attach by selecting the new text: the highlight now quotes it, anchored.
        await BrowserSession.SelectAsync(page, "Finance ministers", "autumn");
        await ministers.GetByRole(AriaRole.Button, new() { Name = "Re-attach to the selection" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item[data-status='anchored']", new() { HasText = "Finance ministers will gather in the autumn" }))
            .ToHaveCountAsync(1);

        // Delete: the orphan stays listed until the reader acts.
        var orphan = page.Locator(".orphans .annotation-item");
        await Assertions.Expect(orphan).ToContainTextAsync("Residents of the harbour town");
        await orphan.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator(".orphans")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }
}
