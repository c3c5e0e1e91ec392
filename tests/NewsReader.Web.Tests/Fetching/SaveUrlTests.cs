using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Fetching;

/// <summary>`POST /api/articles {"url"}`: pages fetched from the fixture site, and every way a fetch can fail.</summary>
public sealed class SaveUrlTests(FetchAppFixture fixture) : IClassFixture<FetchAppFixture>
{
    private FixtureWebServer Site => fixture.Site;

    [Fact]
    public async Task A_page_is_saved_with_201_and_its_location_and_the_same_url_again_is_200_without_a_fetch()
    {
        Site.Serve("/city/trees.txt", "text/plain; charset=utf-8", WebFixtures.TextStory("Lisbon plants four thousand trees"));

        var created = await SaveAsync(Site.Url("/city/trees.txt"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var article = await created.Content.ReadFromJsonAsync<JsonElement>();
        var slug = article.GetProperty("slug").GetString()!;
        Assert.Equal("Lisbon plants four thousand trees", article.GetProperty("title").GetString());
        Assert.Equal($"/api/articles/{slug}", created.Headers.Location!.OriginalString);
        Assert.Equal(Site.Url("/city/trees.txt"), article.GetProperty("sourceUrl").GetString());
        Assert.StartsWith("NewsReader/", Site.Requests.Single(r => r.Path == "/city/trees.txt").UserAgent);

        var again = await SaveAsync(Site.Url("/city/trees.txt?utm_source=newsletter#top"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(slug, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
        Assert.Equal(1, Site.CountOf("/city/trees.txt"));
        var fetched = await fixture.Admin.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Contains("four thousand trees", fetched.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Two_addresses_of_one_page_with_a_canonical_link_are_one_article()
    {
        var canonical = Site.Url("/stories/regatta");
        var html = FeedFixtures.Page("Regatta postponed by wind", "Gusts of sixty knots kept the boats in the harbour.", canonical);
        Site.Serve("/amp/regatta", "text/html; charset=utf-8", html);
        Site.Serve("/print/regatta", "text/html; charset=utf-8", html);

        var first = await SaveAsync(Site.Url("/amp/regatta"));
        var second = await SaveAsync(Site.Url("/print/regatta"));
        var byCanonical = await SaveAsync(canonical);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var article = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(canonical, article.GetProperty("sourceUrl").GetString());
        Assert.Equal("Regatta postponed by wind", article.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCanonical.StatusCode);
        Assert.Equal(article.GetProperty("slug").GetString(), (await byCanonical.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
        Assert.Equal(0, Site.CountOf("/stories/regatta"));
    }

    [Fact]
    public async Task Five_redirects_are_followed_and_a_sixth_is_a_502()
    {
        Site.Serve("/moved/story.txt", "text/plain", WebFixtures.TextStory("Ferry timetable doubles"));
        for (var i = 1; i <= 6; i++)
        {
            Site.Redirect($"/hop{i}", i == 1 ? "/moved/story.txt" : $"/hop{i - 1}", i % 2 == 0 ? StatusCodes.Status301MovedPermanently : StatusCodes.Status307TemporaryRedirect);
        }

        var followed = await SaveAsync(Site.Url("/hop5"));
        Assert.Equal(HttpStatusCode.Created, followed.StatusCode);
        // Known by where the redirects ended.
        Assert.Equal(Site.Url("/moved/story.txt"), (await followed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sourceUrl").GetString());

        var tooMany = await SaveAsync(Site.Url("/hop6"));
        await AssertProblemAsync(tooMany, HttpStatusCode.BadGateway, "tooManyRedirects");
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        Site.Redirect("/to-file", "file:///etc/passwd");

        await AssertProblemAsync(await SaveAsync(Site.Url("/to-file")), HttpStatusCode.UnprocessableEntity, "refused");
    }

    [Fact]
    public async Task A_page_that_does_not_answer_in_time_is_a_502_timeout_soon()
    {
        Site.Handle("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
            await context.Response.WriteAsync("too late");
        });
        var clock = Stopwatch.StartNew();

        var response = await SaveAsync(Site.Url("/slow"));

        await AssertProblemAsync(response, HttpStatusCode.BadGateway, "timeout");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_body_over_5_MB_is_refused_whether_or_not_its_length_is_announced()
    {
        var big = new string('a', 5 * 1024 * 1024 + 1);
        Site.Serve("/huge-announced.txt", "text/plain", big);
        Site.Handle("/huge-streamed.txt", async context =>
        {
            context.Response.ContentType = "text/plain";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'b');
            for (var sent = 0; sent <= 6 * 1024 * 1024; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });

        await AssertProblemAsync(await SaveAsync(Site.Url("/huge-announced.txt")), HttpStatusCode.UnprocessableEntity, "tooLarge");
        await AssertProblemAsync(await SaveAsync(Site.Url("/huge-streamed.txt")), HttpStatusCode.UnprocessableEntity, "tooLarge");
    }

    [Fact]
    public async Task Upstream_errors_are_422_for_4xx_and_502_for_5xx()
    {
        Site.Handle("/broken", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });

        await AssertProblemAsync(await SaveAsync(Site.Url("/nowhere")), HttpStatusCode.UnprocessableEntity, "upstreamClientError");
        await AssertProblemAsync(await SaveAsync(Site.Url("/broken")), HttpStatusCode.BadGateway, "upstreamServerError");
    }

    [Fact]
    public async Task What_is_not_a_page_is_a_422()
    {
        Site.Serve("/photo.png", "image/png", "\u0089PNG");
        Site.Serve("/blank.txt", "text/plain", "   \n\n  ");

        await AssertProblemAsync(await SaveAsync(Site.Url("/photo.png")), HttpStatusCode.UnprocessableEntity, "noArticle");
        await AssertProblemAsync(await SaveAsync(Site.Url("/blank.txt")), HttpStatusCode.UnprocessableEntity, "noArticle");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://files.example/story.txt")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task A_malformed_or_non_http_url_is_a_400(string url)
    {
        var response = await SaveAsync(url);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalidUrl");
    }

    [Fact]
    public async Task Saving_needs_a_signed_in_reader()
    {
        var anonymous = fixture.App.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/articles", new { url = Site.Url("/city/trees.txt") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> SaveAsync(string url) => fixture.Admin.PostAsJsonAsync("/api/articles", new { url });

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
