using System.Net.Http.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reading;

public sealed class LibraryListTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient reader = null!;
    private const int Shorts = 54;

    public async Task InitializeAsync()
    {
        // 54 short articles beside the seed: enough for two pages of 50.
        for (var i = 1; i <= Shorts; i++)
        {
            var words = string.Join(' ', Enumerable.Repeat($"word{i}", 20 + i * 10));
            await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, $"short-{i:00}.txt"), $"Short Story Number {i}\n\n{words}.");
        }
        reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "lister@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Fifty_per_page_by_keyset_with_older_and_newer_links_and_rows_with_my_counts_and_progress()
    {
        var first = await HtmlDocument.GetAsync(reader, "/");
        Assert.Equal(50, first.QuerySelectorAll(".article-row").Length);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        Assert.All(first.QuerySelectorAll(".article-row"), row =>
        {
            Assert.NotNull(row.QuerySelector("progress.reading-progress"));
            Assert.Contains("0 annotations", row.QuerySelector(".my-annotations")!.TextContent);
        });
        Assert.Equal("55", first.QuerySelector(".library-views [data-view=all] .unread-count")!.TextContent);

        var older = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("after=", older);
        Assert.DoesNotContain("p=", older);
        var second = await HtmlDocument.GetAsync(reader, older);
        Assert.Equal(5, second.QuerySelectorAll(".article-row").Length);
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Empty(second.QuerySelectorAll(".article-row").Select(r => r.GetAttribute("data-slug"))
            .Intersect(first.QuerySelectorAll(".article-row").Select(r => r.GetAttribute("data-slug"))));

        // Newer, from the second page, is the first page again, in the same order.
        var back = await HtmlDocument.GetAsync(reader, second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(first.QuerySelectorAll(".article-row").Select(r => r.GetAttribute("data-slug")),
            back.QuerySelectorAll(".article-row").Select(r => r.GetAttribute("data-slug")));
        Assert.Null(back.QuerySelector(".pager a[rel=prev]"));

        var beyond = await HtmlDocument.GetAsync(reader, "/?after=0.0");
        Assert.Equal("No more articles this way.", beyond.QuerySelector("p.empty")!.TextContent);
    }

    [Fact]
    public async Task Sorts_by_length_and_age()
    {
        var longest = await HtmlDocument.GetAsync(reader, "/?sort=longest");
        Assert.StartsWith("U.S. President Biden", longest.QuerySelector(".article-link")!.TextContent);
        Assert.Equal($"Short Story Number {Shorts}", longest.QuerySelectorAll(".article-link")[1].TextContent);

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
        Assert.Equal($"{Shorts - 1}", unread.QuerySelector(".library-views [data-view=unread] .unread-count")!.TextContent);
        Assert.Equal("1", unread.QuerySelector(".library-views [data-view=archived] .unread-count")!.TextContent);
        Assert.Equal("1", unread.QuerySelector(".library-views [data-view=favorites] .unread-count")!.TextContent);
        Assert.Equal("1", unread.QuerySelector(".library-views [data-view=annotated] .unread-count")!.TextContent);
        Assert.Equal(50, unread.QuerySelectorAll(".article-row").Length);
        Assert.NotNull(unread.QuerySelector(".pager a[rel=next]"));
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
