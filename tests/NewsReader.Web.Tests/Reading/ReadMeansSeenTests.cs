using System.Net;
using System.Net.Http.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reading;

/// <summary>
/// Read means seen: an article marked read by any path, never opened in the reader, is shown
/// as updated (the list's filter, the reader's banner) once a new revision comes in.
/// </summary>
public sealed class ReadMeansSeenTests : IAsyncLifetime
{
    private const string Slug = AnnotationBuilder.SeedSlug;
    private readonly NewsReaderAppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("state api")]
    [InlineData("reaching the end")]
    [InlineData("mark all read api")]
    [InlineData("mark all read on the list")]
    public async Task Marking_read_records_the_revision_so_a_later_one_shows_as_updated(string path)
    {
        var reader = app.CreateClient();
        if (path == "mark all read on the list")
        {
            await Forms.RegisterAsync(reader, "pages@example.org");
            var marked = await Forms.SubmitAsync(reader, "/", new Dictionary<string, string>(), "form.mark-all-read");
            Assert.True(marked.IsSuccessStatusCode || marked.StatusCode == HttpStatusCode.Redirect, marked.StatusCode.ToString());
        }
        else
        {
            await ApiUsers.RegisterAsync(reader, "ada@example.org");
            var response = path switch
            {
                "state api" => await reader.PutAsJsonAsync($"/api/articles/{Slug}/state", new { read = true }),
                // What progress.js sends when the article's end comes into view.
                "reaching the end" => await reader.PutAsJsonAsync($"/api/articles/{Slug}/state", new { read = true, progressOffset = 0 }),
                _ => await reader.PostAsJsonAsync("/api/articles/read", new { filter = "all" }),
            };
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Null((await HtmlDocument.GetAsync(reader, "/?filter=updated")).QuerySelector($".article-row[data-slug='{Slug}']"));

        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace("Rose Garden", "White House Rose Garden"));
        await app.IngestAsync();

        Assert.NotNull((await HtmlDocument.GetAsync(reader, "/?filter=updated")).QuerySelector($".article-row[data-slug='{Slug}'] .updated"));
        Assert.Contains("Updated since you read it", (await HtmlDocument.GetAsync(reader, $"/articles/{Slug}")).QuerySelector(".update-banner")?.TextContent);
    }

    [Fact]
    public async Task An_article_marked_read_after_the_revision_is_not_updated()
    {
        var reader = await ApiUsers.RegisterAsync(app, "ada@example.org");
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace("Rose Garden", "White House Rose Garden"));
        await app.IngestAsync();

        await reader.PutAsJsonAsync($"/api/articles/{Slug}/state", new { read = true });

        Assert.Null((await HtmlDocument.GetAsync(reader, "/?filter=updated")).QuerySelector($".article-row[data-slug='{Slug}']"));
        Assert.Null((await HtmlDocument.GetAsync(reader, $"/articles/{Slug}")).QuerySelector(".update-banner"));
    }
}
