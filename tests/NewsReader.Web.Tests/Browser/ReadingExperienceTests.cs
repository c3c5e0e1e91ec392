using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReadingExperienceTests(BrowserFixture browser)
{
    private const string ArticleUrl = "/articles/" + AnnotationBuilder.SeedSlug;

    [Fact]
    public async Task Progress_is_restored_after_a_reload()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);

        var heading = page.Locator(".reader-body h2").Nth(1);
        await heading.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.querySelectorAll('.reader-body h2')[1].scrollIntoView({ block: 'start' })");
        var expected = int.Parse((await heading.GetAttributeAsync("data-start"))!);
        await page.WaitForResponseAsync(r => r.Url.EndsWith("/state") && r.Request.Method == "PUT");

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(ArticleUrl);
        await Assertions.Expect(again.Locator($"#block-{expected}")).ToBeInViewportAsync();
        Assert.True(await again.EvaluateAsync<double>("() => window.scrollY") > 200);

        // Reaching the end marks the article read, and the list says so.
        var saved = again.WaitForResponseAsync(r => r.Url.EndsWith("/state") && r.Request.PostData != null && r.Request.PostData.Contains("\"read\":true"));
        await again.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await saved;
        await again.GotoAsync("/");
        // Other browser tests share this app and may add newer articles, so find the seed's row.
        var row = again.Locator($".article-row[data-slug='{AnnotationBuilder.SeedSlug}']");
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-read"));
        await Assertions.Expect(row.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_moves_through_the_list_opens_goes_back_and_lists_the_shortcuts()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator(".article-row").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
        await Assertions.Expect(page.Locator(".article-row a.article-link").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("o");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/"));

        await page.Keyboard.PressAsync("u");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^[^?#]+://[^/]+/$"));

        await page.Keyboard.PressAsync("Shift+?");
        var dialog = page.Locator("dialog.shortcuts-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("next / previous article");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_list_reader_and_search_pages_have_no_serious_accessibility_violations(string scheme)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            BypassCSP = true, // axe injects its script; the app's own pages never need this
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        await BrowserSession.SelectAsync(page, "Rose Garden", "Rose Garden");
        await page.Keyboard.PressAsync("h");
        await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(1);

        foreach (var url in new[] { "/", ArticleUrl, "/search?q=garden", "/search", "/tags", "/settings" })
        {
            await page.GotoAsync(url);
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{url} ({scheme}): " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
        }
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_reader_at_390_pixels_has_no_horizontal_scrolling()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await BrowserSession.SignUpAsync(page);

        foreach (var url in new[] { ArticleUrl, "/", "/search?q=kishida" })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            var widest = overflow <= 0 ? "" : await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
            Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow}px at 390px: {widest}");
        }
        await context.CloseAsync();
    }
}
