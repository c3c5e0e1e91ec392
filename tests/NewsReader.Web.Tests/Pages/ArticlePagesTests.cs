using System.Net;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Pages;

/// <summary>Pages read, nothing written: one app for the class, a client of its own for each test.</summary>
public sealed class ArticlePagesTests(ArticlePagesTests.App app) : IClassFixture<ArticlePagesTests.App>
{
    private readonly HttpClient client = app.CreateClient();

    /// <summary>The app with the seed article.</summary>
    public sealed class App : NewsReaderAppFactory;

    [Fact]
    public async Task Home_lists_the_seed_with_dateline_and_reading_time()
    {
        var page = await HtmlDocument.GetAsync(client, "/");

        var link = Assert.Single(page.QuerySelectorAll("a.article-link"));
        Assert.StartsWith("U.S. President Biden", link.TextContent);
        Assert.StartsWith("/articles/", link.GetAttribute("href"));
        var meta = page.QuerySelector(".article-row .meta")!.TextContent;
        Assert.Contains("Washington", meta);
        Assert.Contains("5 min read", meta);
    }

    [Fact]
    public async Task Article_page_has_one_h1_three_h2_and_21_paragraphs_with_offsets()
    {
        var page = await HtmlDocument.GetAsync(client, await SeedUrlAsync());

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.StartsWith("U.S. President Biden", page.QuerySelector("h1")!.TextContent);
        var headings = page.QuerySelectorAll(".reader-body h2");
        Assert.Equal(3, headings.Length);
        Assert.Equal("Prevent China's unilateral change of the status quo", headings[0].TextContent);
        var paragraphs = page.QuerySelectorAll(".reader-body p");
        Assert.Equal(21, paragraphs.Length);
        var starts = page.QuerySelectorAll(".reader-body > [data-start]").Select(e => int.Parse(e.GetAttribute("data-start")!)).ToList();
        Assert.Equal(24, starts.Count);
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(0, starts[0]);
        Assert.Equal("Washington", page.QuerySelector(".reader .dateline")!.TextContent);
        // Reading needs no script: any script is an external module that only enhances.
        Assert.All(page.QuerySelectorAll("script"), script =>
        {
            Assert.Equal("module", script.GetAttribute("type"));
            Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")));
            Assert.Empty(script.TextContent);
        });
    }

    [Fact]
    public async Task Original_page_shows_the_raw_source_unrepaired()
    {
        var page = await HtmlDocument.GetAsync(client, await SeedUrlAsync() + "/original");

        var raw = page.QuerySelector("pre.raw-source")!.TextContent;
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Seed), raw);
        Assert.Contains("cooperation.Establish", raw);
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/no-such-article/original")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_answer_a_readable_404(string url)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlDocument.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("{seed}")]
    [InlineData("{seed}?handler=Nope")]
    [InlineData("{seed}/original")]
    [InlineData("/")]
    [InlineData("/search?q=x")]
    public async Task A_form_post_to_no_handler_of_the_page_is_a_readable_400(string url)
    {
        var token = (await HtmlDocument.GetAsync(client, "/account/login"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync(url.Replace("{seed}", await SeedUrlAsync()),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", (await HtmlDocument.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    private async Task<string> SeedUrlAsync()
    {
        var home = await HtmlDocument.GetAsync(client, "/");
        return home.QuerySelector("a.article-link")!.GetAttribute("href")!;
    }
}
