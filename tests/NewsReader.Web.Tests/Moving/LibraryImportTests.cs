using System.Net;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Moving;

/// <summary>
/// Each sample export (the Core tests' fixtures, their addresses moved onto a local site) through
/// `POST /api/import/library` and the background job: the site answers some links with 404 and
/// one slowly; entries with saved content are not fetched at all.
/// </summary>
public sealed class LibraryImportTests(LibraryImportTests.Fixture fixture) : IClassFixture<LibraryImportTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FetchAppFixture Fetch { get; } = FetchAppFixture.With(true,
            ("NewsReader:Import:HostDelayMilliseconds", "20"), ("NewsReader:Import:PollSeconds", "1"), ("NewsReader:RateLimit:AuthPermitLimit", "1000"));

        public async Task InitializeAsync()
        {
            await Fetch.InitializeAsync();
            var site = Fetch.Site;
            foreach (var path in new[] { "/one", "/three", "/a", "/b", "/c", "/bar", "/deep" })
            {
                site.Serve(path, "text/plain; charset=utf-8", WebFixtures.TextStory("Story at " + path.Trim('/')));
            }
            site.Serve("/tide", "text/plain; charset=utf-8", """
                Why the tide turns

                The sea rises by “three millimetres” a year. Harbour engineers measure it twice a day at the old pier.

                A quote over two lines is what the reader kept from the second paragraph of the story.
                """);
            site.Handle("/untitled", async context =>
            {
                await Task.Delay(700);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(WebFixtures.TextStory("A slow page"));
            });
        }

        public async Task DisposeAsync() => await Fetch.DisposeAsync();
    }

    private static readonly string[] SampleHosts = ["https://example.com", "http://example.com", "https://example.org", "https://news.example.net", "https://walks.example.org"];

    /// <summary>A Core sample export with every address on the local site, so nothing leaves the machine.</summary>
    private byte[] Sample(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "NewsReader.Core.Tests", "Exchange", "Fixtures", name);
        if (Directory.Exists(folder))
        {
            var copy = Directory.CreateTempSubdirectory("omnivore-").FullName;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, Local(File.ReadAllBytes(file)));
            }
            return Zip(copy);
        }
        return Local(File.ReadAllBytes(folder));
    }

    private static byte[] Zip(string folder)
    {
        var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(zip, file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }
        return buffer.ToArray();
    }

    private byte[] Local(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var host in SampleHosts)
        {
            text = text.Replace(host + "/", fixture.Fetch.Site.BaseUrl + "/", StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"https?://(?!127\.0\.0\.1|omnivore\.app)[a-z]", text.Replace("http://www.w3.org", ""));
        return Encoding.UTF8.GetBytes(text);
    }

    [Theory]
    [InlineData("pocket.csv", 2, 0, 0, 0, 1)]
    [InlineData("pocket.html", 2, 0, 0, 0, 1)]
    [InlineData("instapaper.csv", 3, 0, 0, 0, 1)]
    [InlineData("bookmarks.html", 2, 0, 0, 0, 1)]
    [InlineData("wallabag.json", 1, 2, 1, 1, 1)]
    [InlineData("omnivore", 1, 3, 2, 1, 1)]
    public async Task Each_format_moves_in_end_to_end(string sample, int articles, int highlights, int anchored, int orphaned, int failed)
    {
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"mover-{Guid.NewGuid():N}@example.org");

        var job = await ImportAsync(reader, Sample(sample));

        Assert.Equal("done", job.State);
        Assert.Equal((articles, highlights, anchored, orphaned), (job.Articles, job.Highlights, job.Anchored, job.Orphaned));
        Assert.Equal(failed, job.Failed.Count(f => f.Quote is null));
        Assert.All(job.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
    }

    [Fact]
    public async Task Readwise_highlights_find_their_article_by_title_or_are_listed_with_their_quote()
    {
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"readwise-{Guid.NewGuid():N}@example.org");
        await ImportAsync(reader, Sample("pocket.csv"));

        var job = await ImportAsync(reader, Sample("readwise.csv"));

        Assert.Equal("done", job.State);
        Assert.Equal(2, job.Highlights);
        Assert.Equal(2, job.Anchored);
        var failure = Assert.Single(job.Failed);
        Assert.Equal("Nobody saved this one", failure.Quote);
        Assert.Contains("A book I never saved", failure.Reason);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing_and_fetches_nothing()
    {
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"twice-{Guid.NewGuid():N}@example.org");
        var first = await ImportAsync(reader, Sample("wallabag.json"));
        var fetches = fixture.Fetch.Site.Requests.Count;

        var second = await ImportAsync(reader, Sample("wallabag.json"));

        Assert.Equal((1, 2), (first.Articles, first.Highlights));
        Assert.Equal((0, 0, 0), (second.Articles, second.Highlights, second.Orphaned));
        Assert.Equal(["politics", "to-cite"], await TagsAsync(reader, await SlugOfAsync(reader, "/harbour")));
        // The one entry without content is fetched again (it was a 404); nothing else is.
        Assert.Equal(fetches + 1, fixture.Fetch.Site.Requests.Count);
    }

    [Fact]
    public async Task A_file_that_is_no_export_is_refused_with_a_sentence()
    {
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"refused-{Guid.NewGuid():N}@example.org");

        var response = await reader.PostAsync("/api/import/library", new StringContent("just some words"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Pocket (CSV)", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_multipart_upload_is_taken_and_another_reader_cannot_see_the_job()
    {
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"multi-{Guid.NewGuid():N}@example.org");
        var other = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"other-{Guid.NewGuid():N}@example.org");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Sample("instapaper.csv")), "file", "export.csv" } };

        var response = await reader.PostAsync("/api/import/library", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(location + "/cancel", null)).StatusCode);
        Assert.Equal("done", (await WaitAsync(reader, location)).State);
    }

    [Fact]
    public async Task The_settings_page_takes_an_upload_with_its_token_and_follows_the_job()
    {
        var browser = fixture.Fetch.App.CreateClient();
        await Forms.RegisterAsync(browser, $"page-{Guid.NewGuid():N}@example.org");

        var refused = await UploadAsync(browser, Encoding.UTF8.GetBytes("just some words"));
        Assert.Contains("not an export NewsReader knows", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var accepted = await UploadAsync(browser, Sample("instapaper.csv"));
        Assert.Contains("?job=", accepted.RequestMessage!.RequestUri!.Query);
        var page = await accepted.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"import-job\"", page);
        Assert.Contains("/settings/import", await browser.GetStringAsync("/settings"));
    }

    [Theory]
    [InlineData("pocket.csv", "/tide", "long reads|science", false, true, 1700000000)]
    [InlineData("instapaper.csv", "/c", "", true, false, 1600000200)]
    [InlineData("bookmarks.html", "/deep", "essay|later|Reading", false, false, 1600000004)]
    [InlineData("wallabag.json", "/harbour", "politics|to-cite", false, true, 1673774430)]
    [InlineData("omnivore", "/bridges", "Newsletter|walks", false, true, 1709367300)]
    public async Task Tags_favourite_archived_and_the_saved_date_come_along(string sample, string path, string tags, bool favorite, bool archived, long savedAt)
    {
        var email = $"tags-{Guid.NewGuid():N}@example.org";
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, email);

        Assert.Equal("done", (await ImportAsync(reader, Sample(sample))).State);

        var slug = await SlugOfAsync(reader, path);
        var expected = tags.Split('|', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, await TagsAsync(reader, slug));
        var state = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/articles/{slug}/state");
        Assert.Equal((favorite, archived, archived), (state.GetProperty("favorite").GetBoolean(), state.GetProperty("archived").GetBoolean(), state.GetProperty("read").GetBoolean()));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(savedAt).UtcDateTime, await SavedAtAsync(email, slug));

        var browser = fixture.Fetch.App.CreateClient();
        await Forms.LoginAsync(browser, email);
        var list = await HtmlDocument.GetAsync(browser, archived ? "/?filter=archived" : "/");
        Assert.Equal(expected, list.QuerySelectorAll($"li.article-row[data-slug='{slug}'] .article-tags li").Select(li => li.TextContent));
        var page = await HtmlDocument.GetAsync(browser, $"/articles/{slug}");
        Assert.Equal(expected, page.QuerySelectorAll(".reader-header .article-tags li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task A_readers_tags_are_theirs_alone_and_they_can_change_them()
    {
        var email = $"tagger-{Guid.NewGuid():N}@example.org";
        var reader = await ApiUsers.RegisterAsync(fixture.Fetch.App, email);
        var otherEmail = $"untagged-{Guid.NewGuid():N}@example.org";
        var other = await ApiUsers.RegisterAsync(fixture.Fetch.App, otherEmail);
        await ImportAsync(reader, Sample("pocket.csv"));
        var slug = await SlugOfAsync(reader, "/tide");
        // The other reader saves the same page: the one stored article, now in both libraries.
        (await other.PostAsJsonAsync("/api/articles", new { url = fixture.Fetch.Site.Url("/tide") })).EnsureSuccessStatusCode();
        Assert.Equal(slug, await SlugOfAsync(other, "/tide"));

        Assert.Empty(await TagsAsync(other, slug));
        Assert.Equal(["long reads", "science"], (await ListedAsync(reader, slug)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty((await ListedAsync(other, slug)).GetProperty("tags").EnumerateArray());
        var otherBrowser = fixture.Fetch.App.CreateClient();
        await Forms.LoginAsync(otherBrowser, otherEmail);
        var otherList = await HtmlDocument.GetAsync(otherBrowser, "/");
        Assert.NotNull(otherList.QuerySelector($"li.article-row[data-slug='{slug}']"));
        Assert.Null(otherList.QuerySelector($"li.article-row[data-slug='{slug}'] .article-tags"));
        Assert.Null((await HtmlDocument.GetAsync(otherBrowser, $"/articles/{slug}")).QuerySelector(".article-tags"));

        var put = await reader.PutAsJsonAsync($"/api/articles/{slug}/tags", new { tags = new[] { " ocean ", "Science", "science" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["ocean", "Science"], await TagsAsync(reader, slug));
        Assert.Empty(await TagsAsync(other, slug));
        var refused = await reader.PutAsJsonAsync($"/api/articles/{slug}/tags", new { tags = new[] { new string('x', 65) } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["ocean", "Science"], await TagsAsync(reader, slug));

        var browser = fixture.Fetch.App.CreateClient();
        await Forms.LoginAsync(browser, email);
        var posted = await Forms.SubmitAsync(browser, $"/articles/{slug}", new Dictionary<string, string> { ["tags"] = "tides, harbours" }, "form.tags-form");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(["harbours", "tides"], (await HtmlDocument.ParseAsync(posted)).QuerySelectorAll(".reader-header .article-tags li").Select(li => li.TextContent));
        Assert.Empty(await TagsAsync(other, slug));
        // Another reader's article that is not in the library answers 404, as every article route does.
        var stranger = await ApiUsers.RegisterAsync(fixture.Fetch.App, $"stranger-{Guid.NewGuid():N}@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/articles/{slug}/tags", new { tags = new[] { "mine" } })).StatusCode);
    }

    private static async Task<string> SlugOfAsync(HttpClient reader, string path) =>
        (await ListedAsync(reader)).Single(a => a.GetProperty("sourceUrl").GetString()!.EndsWith(path, StringComparison.Ordinal)).GetProperty("slug").GetString()!;

    private static async Task<System.Text.Json.JsonElement> ListedAsync(HttpClient reader, string slug) =>
        (await ListedAsync(reader)).Single(a => a.GetProperty("slug").GetString() == slug);

    /// <summary>The reader's library through `/api/articles`: archived articles are listed under their own view only.</summary>
    private static async Task<IEnumerable<System.Text.Json.JsonElement>> ListedAsync(HttpClient reader) =>
        (await reader.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/articles?limit=200"))!
            .Concat((await reader.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/articles?filter=archived&limit=200"))!);

    private static async Task<List<string>> TagsAsync(HttpClient reader, string slug) =>
        (await reader.GetFromJsonAsync<TagList>($"/api/articles/{slug}/tags"))!.Tags;

    private async Task<DateTime> SavedAtAsync(string email, string slug)
    {
        await using var scope = fixture.Fetch.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
        return await db.LibraryEntries.Where(e => e.UserId == userId && e.ArticleId == articleId).Select(e => e.AddedAt).SingleAsync();
    }

    private sealed record TagList(List<string> Tags);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] file)
    {
        var page = await HtmlDocument.GetAsync(browser, "/settings/import");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", "export.txt" },
        };
        var response = await browser.PostAsync("/settings/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<Job> ImportAsync(HttpClient reader, byte[] export)
    {
        var response = await reader.PostAsync("/api/import/library", new ByteArrayContent(export));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<Job>();
        Assert.Equal($"/api/import/jobs/{created!.Id}", response.Headers.Location!.ToString());
        return await WaitAsync(reader, response.Headers.Location!.ToString());
    }

    public static async Task<Job> WaitAsync(HttpClient reader, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = (await reader.GetFromJsonAsync<Job>(location))!;
            if (job.State is "done" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return job;
            }
            await Task.Delay(100);
        }
    }

    public sealed record Failure(int Item, string Entry, string Reason, string? Quote);

    public sealed record Job(Guid Id, string State, int Total, int Processed, int Articles, int Highlights, int Anchored, int Orphaned, List<Failure> Failed);
}
