using System.Net.Http.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reading;

public sealed class LibraryListTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient reader = null!;

    public async Task InitializeAsync()
    {
        // 24 short articles beside the seed: enough for two pages.
        for (var i = 1; i <= 24; i++)
        {
            var words = string.Join(' ', Enumerable.Repeat($"word{i}", 20 + i * 10));
            await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, $"short-{i:00}.txt"), $"Short Story Number {i}\n\n{words}.");
        }
        reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "lister@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Twenty_per_page_with_the_total_and_rows_with_my_counts_and_progress()
    {
        var first = await HtmlDocument.GetAsync(reader, "/");
        Assert.Equal(20, first.QuerySelectorAll(".article-row").Length);
        Assert.Contains("Page 1 of 2 (25 articles)", first.QuerySelector(".pager")!.TextContent);
        Assert.All(first.QuerySelectorAll(".article-row"), row =>
        {
            Assert.NotNull(row.QuerySelector("progress.reading-progress"));
            Assert.Contains("0 annotations", row.QuerySelector(".my-annotations")!.TextContent);
        });

        var second = await HtmlDocument.GetAsync(reader, "/?p=2");
        Assert.Equal(5, second.QuerySelectorAll(".article-row").Length);

        var beyond = await HtmlDocument.GetAsync(reader, "/?p=999");
        Assert.Equal("There is no page 999: this list has 2 pages.", beyond.QuerySelector("p.empty")!.TextContent);
    }

    [Fact]
    public async Task Sorts_by_length_and_age()
    {
        var longest = await HtmlDocument.GetAsync(reader, "/?sort=longest");
        Assert.StartsWith("U.S. President Biden", longest.QuerySelector(".article-link")!.TextContent);
        Assert.Equal("Short Story Number 24", longest.QuerySelectorAll(".article-link")[1].TextContent);

        var oldest = await HtmlDocument.GetAsync(reader, "/?sort=oldest");
        var newest = await HtmlDocument.GetAsync(reader, "/?sort=newest");
        Assert.Equal(oldest.QuerySelector(".article-link")!.TextContent, (await HtmlDocument.GetAsync(reader, "/?sort=oldest")).QuerySelector(".article-link")!.TextContent);
        Assert.NotEqual(oldest.QuerySelector(".article-link")!.TextContent, newest.QuerySelector(".article-link")!.TextContent);
    }

    [Fact]
    public async Task Filters_follow_my_state_and_annotations_and_say_what_to_do_when_empty()
    {
        Assert.Contains("No favourites yet", (await HtmlDocument.GetAsync(reader, "/?filter=favorites")).QuerySelector(".empty")!.TextContent);
        Assert.Contains("not annotated", (await HtmlDocument.GetAsync(reader, "/?filter=annotated")).QuerySelector(".empty")!.TextContent);
        var url = $"/articles/{AnnotationBuilder.SeedSlug}";
        await Forms.SubmitAsync(reader, url, new Dictionary<string, string> { ["change"] = "favorite-True" }, "form.state-actions");
        await Forms.SubmitAsync(reader, url, new Dictionary<string, string> { ["Form.Quote"] = "Rose Garden" }, ".paste-quote form");

        var favourites = await HtmlDocument.GetAsync(reader, "/?filter=favorites");
        Assert.StartsWith("U.S. President Biden", Assert.Single(favourites.QuerySelectorAll(".article-link")).TextContent);
        var annotated = await HtmlDocument.GetAsync(reader, "/?filter=annotated");
        Assert.Contains("1 annotation", Assert.Single(annotated.QuerySelectorAll(".article-row")).QuerySelector(".my-annotations")!.TextContent);

        await Forms.SubmitAsync(reader, url, new Dictionary<string, string> { ["change"] = "archived-True" }, "form.state-actions");
        var all = await HtmlDocument.GetAsync(reader, "/?sort=longest");
        Assert.DoesNotContain(all.QuerySelectorAll(".article-link"), a => a.TextContent.StartsWith("U.S. President"));
        Assert.Single((await HtmlDocument.GetAsync(reader, "/?filter=archived")).QuerySelectorAll(".article-row"));

        await Forms.SubmitAsync(reader, "/articles/" + (await FirstShortSlugAsync()), new Dictionary<string, string> { ["change"] = "read-True" }, "form.state-actions");
        var unread = await HtmlDocument.GetAsync(reader, "/?filter=unread");
        Assert.Contains("Page 1 of 2 (23 articles)", unread.QuerySelector(".pager")!.TextContent);
    }

    [Fact]
    public async Task Settings_are_kept_per_reader_and_applied_by_the_server()
    {
        await Forms.SubmitAsync(reader, "/settings", new Dictionary<string, string>
        {
            ["FontSize"] = "large", ["LineWidth"] = "wide", ["Typeface"] = "sans", ["Theme"] = "dark",
        });

        var html = (await HtmlDocument.GetAsync(reader, "/")).DocumentElement;
        Assert.Equal("dark", html.GetAttribute("data-theme"));
        Assert.Equal("large", html.GetAttribute("data-font-size"));
        Assert.Equal("wide", html.GetAttribute("data-line-width"));
        Assert.Equal("sans", html.GetAttribute("data-typeface"));
        Assert.Equal("system", (await HtmlDocument.GetAsync(app.CreateClient(), "/")).DocumentElement.GetAttribute("data-theme"));

        // Refused, and redirected back (post-redirect-get) with the reason on the page.
        var bad = await Forms.SubmitAsync(reader, "/settings", new Dictionary<string, string> { ["Theme"] = "neon" });
        Assert.Equal("/settings", bad.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.NotEqual("", (await HtmlDocument.ParseAsync(bad)).QuerySelector(".form-errors")!.TextContent.Trim());
        Assert.Equal("dark", (await HtmlDocument.GetAsync(reader, "/")).DocumentElement.GetAttribute("data-theme"));
    }

    [Fact]
    public async Task Fingerprinted_assets_are_cached_long_and_pages_are_compressed()
    {
        var page = await HtmlDocument.GetAsync(reader, "/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", css);
        var asset = await reader.GetAsync(css);
        Assert.Contains("immutable", asset.Headers.CacheControl!.ToString());

        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var compressed = await reader.SendAsync(request);
        Assert.Contains("br", compressed.Content.Headers.ContentEncoding);
    }

    private async Task<string> FirstShortSlugAsync()
    {
        var list = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/articles");
        return list.EnumerateArray().Select(a => a.GetProperty("slug").GetString()!).First(s => s.StartsWith("short-story"));
    }
}
