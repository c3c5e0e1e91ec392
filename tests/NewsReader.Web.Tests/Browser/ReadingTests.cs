using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReadingTests(BrowserFixture browser)
{
    [Fact]
    public async Task Open_the_list_follow_the_article_and_see_title_and_sub_headings()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^U\\.S\\. President Biden") }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/"));
        var title = await page.Locator("h1").InnerTextAsync();
        Assert.StartsWith("U.S. President Biden", title);
        var headings = await page.Locator(".reader-body h2").AllInnerTextsAsync();
        Assert.Equal(3, headings.Count);
        Assert.Equal("Prevent China's unilateral change of the status quo", headings[0]);
        await page.Context.CloseAsync();
    }
}
