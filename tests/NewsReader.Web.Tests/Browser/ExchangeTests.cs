using System.Text.Json;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ExchangeTests(BrowserFixture browser)
{
    private const string ArticleUrl = "/articles/" + AnnotationBuilder.SeedSlug;

    [Fact]
    public async Task A_reader_exports_an_articles_notes_and_another_imports_them_on_the_notebook_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(page);
        await page.GotoAsync(ArticleUrl);
        await BrowserSession.SelectAsync(page, "Rose Garden said", "the most significant upgrade");
        await page.Locator(".selection-toolbar").GetByRole(AriaRole.Button, new() { Name = "Note" }).ClickAsync();
        var dialog = page.Locator("dialog.note-dialog");
        await dialog.GetByLabel("Note (Markdown)").FillAsync("Carried over by file.");
        await dialog.GetByLabel("Tags, separated by commas").FillAsync("exported");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".annotation-item")).ToHaveCountAsync(1);

        var menu = page.GetByTestId("export-menu");
        await menu.GetByLabel("Format").SelectOptionAsync("jsonld");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            menu.GetByRole(AriaRole.Button, new() { Name = "Export this article's notes" }).ClickAsync());
        Assert.Equal($"{AnnotationBuilder.SeedSlug}-{DateTime.UtcNow:yyyy-MM-dd}.jsonld", download.SuggestedFilename);
        var file = await File.ReadAllBytesAsync(await download.PathAsync());
        using (var json = JsonDocument.Parse(file))
        {
            Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        }
        await page.Context.CloseAsync();

        var other = await browser.NewPageAsync();
        await BrowserSession.SignUpAsync(other);
        await other.GotoAsync("/search");
        await other.GetByLabel("Import annotations").SetInputFilesAsync(new FilePayload { Name = download.SuggestedFilename, MimeType = "application/ld+json", Buffer = file });
        await other.GetByTestId("import-form").GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(other.GetByTestId("import-summary")).ToContainTextAsync("1 imported (1 anchored, 0 moved, 0 orphaned)");

        await other.GetByRole(AriaRole.Link, new() { Name = "Back to the notebook" }).ClickAsync();
        await Assertions.Expect(other.Locator(".annotation-hit .note")).ToHaveTextAsync("Carried over by file.");
        await Assertions.Expect(other.Locator(".annotation-hit .tag")).ToHaveTextAsync("#exported");
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task The_API_reference_page_renders_for_a_signed_in_reader()
    {
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        await BrowserSession.SignUpAsync(page);

        await page.GotoAsync("/api/docs");
        // Scalar drew the document: its groups and the description of the API.
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Export and import");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("a personal API token from /settings/tokens");
        Assert.Empty(blocked);
        await page.Context.CloseAsync();
    }
}
