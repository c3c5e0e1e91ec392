using System.Text;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;
using NewsReader.Web.Tests.Library.Ingestion;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class UploadTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_uploads_files_and_reads_the_new_article()
    {
        var page = await browser.NewPageAsync();
        await BrowserSession.SignUpAsAdministratorAsync(page, browser.App);

        await page.GotoAsync("/admin/ingest");
        var unique = Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = $"harbour-{unique}.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(SourceSamples.WireStory.Replace("three weeks", $"three weeks ({unique})")) },
            new FilePayload { Name = $"broken-{unique}.xml", MimeType = "application/rss+xml", Buffer = "<?xml version=\"1.0\"?><rss><channel><item><title>cut"u8.ToArray() },
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and ingest" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 added");
        await Assertions.Expect(page.Locator(".ingest-report")).ToContainTextAsync($"broken-{unique}.xml");
        await page.Locator(".ingest-report a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Harbour strike ends");
        await Assertions.Expect(page.Locator(".reader-header .dateline")).ToContainTextAsync("Reuters");
        await page.Context.CloseAsync();
    }
}
