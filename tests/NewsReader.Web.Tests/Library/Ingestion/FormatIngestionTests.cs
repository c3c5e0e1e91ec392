using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library.Ingestion;

/// <summary>Every format through the real ingester into a real SQLite file, and out through the API and pages.</summary>
public sealed class FormatIngestionTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new(withSeed: false);
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        client = app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_library_in_subfolders_is_read_whole()
    {
        var nested = Directory.CreateDirectory(Path.Combine(app.SeedsFolder, "2026", "march", "wires")).FullName;
        await File.WriteAllTextAsync(Path.Combine(nested, "harbour.txt"), SourceSamples.WireStory);
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "2026", "night-trains.md"), SourceSamples.MarkdownPost);
        var hidden = Directory.CreateDirectory(Path.Combine(app.SeedsFolder, ".git")).FullName;
        await File.WriteAllTextAsync(Path.Combine(hidden, "HEAD"), "ref: refs/heads/main\n");

        var report = await app.IngestAsync();

        Assert.Equal(2, report.Count(IngestionOutcome.Added));
        Assert.DoesNotContain(report.Files, f => f.Path.Contains(".git"));
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/articles")).GetArrayLength());
    }

    [Fact]
    public async Task A_wire_story_keeps_its_headline_once_and_its_dateline_apart()
    {
        var article = await IngestOneAsync("harbour.txt", SourceSamples.WireStory);

        Assert.Equal("Harbour strike ends after three weeks", article.GetProperty("title").GetString());
        Assert.Equal("Reuters", article.GetProperty("agency").GetString());
        Assert.StartsWith("Rotterdam", article.GetProperty("dateline").GetString());
        var text = article.GetProperty("text").GetString()!;
        Assert.StartsWith("Dock workers at Europe's largest port", text);
        Assert.DoesNotContain("Harbour strike ends", text);
    }

    [Fact]
    public async Task Markdown_front_matter_becomes_the_article_metadata()
    {
        var article = await IngestOneAsync("night-trains.md", SourceSamples.MarkdownPost);

        Assert.Equal("Night trains return to the Alps", article.GetProperty("title").GetString());
        Assert.Equal("Clara Vogt", article.GetProperty("author").GetString());
        Assert.Equal("The Alpine Courier", article.GetProperty("siteName").GetString());
        Assert.Equal("https://courier.example/travel/night-trains-alps", article.GetProperty("sourceUrl").GetString());
        Assert.Equal(new DateTime(2026, 3, 14, 7, 30, 0, DateTimeKind.Utc), article.GetProperty("published").GetDateTime().ToUniversalTime());
        Assert.Equal("en", article.GetProperty("language").GetString());
        var kinds = article.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["paragraph", "heading", "paragraph", "listItem", "listItem", "quote"], kinds);

        var page = await HtmlDocument.GetAsync(client, $"/articles/{article.GetProperty("slug").GetString()}");
        Assert.Equal(2, page.QuerySelectorAll(".reader-body ul > li[data-start]").Length);
        Assert.NotNull(page.QuerySelector(".reader-body blockquote > p[data-start]"));
        Assert.Contains("by Clara Vogt", page.QuerySelector(".reader-header .meta")!.TextContent);
    }

    [Fact]
    public async Task An_html_page_is_reduced_to_its_article_with_the_page_metadata()
    {
        var article = await IngestOneAsync("library.html", SourceSamples.ArticlePage);

        Assert.Equal("Library reopens after flood repairs", article.GetProperty("title").GetString());
        Assert.Equal("The Riverside Gazette", article.GetProperty("siteName").GetString());
        Assert.Equal("https://gazette.example/news/library-reopens", article.GetProperty("sourceUrl").GetString());
        Assert.Equal("Tom Okafor", article.GetProperty("author").GetString());
        var text = article.GetProperty("text").GetString()!;
        Assert.StartsWith("The central library opened its doors again", text);
        Assert.Contains("A new reading room", text);
        Assert.DoesNotContain("Privacy", text);
        Assert.DoesNotContain("Sport", text);
    }

    [Fact]
    public async Task A_feed_file_adds_one_article_per_item_and_a_changed_item_becomes_a_revision()
    {
        var feed = Path.Combine(app.SeedsFolder, "valley.xml");
        await File.WriteAllTextAsync(feed, SourceSamples.Rss(
            ("bridge-2026", "Bridge closes for repairs", "The old stone bridge over the river will close for six weeks while engineers repair its arches."),
            ("school-2026", "School wins robotics prize", "Pupils from the valley school won the regional robotics final with a machine that sorts recycling.")));

        var first = await app.IngestAsync();
        Assert.Equal(2, first.Count(IngestionOutcome.Added));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles");
        Assert.All(list.EnumerateArray(), a => Assert.Equal("Valley Post", a.GetProperty("siteName").GetString()));
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("sourceUrl").GetString() == "https://valley.example/bridge-2026");

        await File.WriteAllTextAsync(feed, SourceSamples.Rss(
            ("bridge-2026", "Bridge closes for repairs", "The old stone bridge over the river will close for eight weeks while engineers repair its arches."),
            ("school-2026", "School wins robotics prize", "Pupils from the valley school won the regional robotics final with a machine that sorts recycling."),
            ("market-2026", "Farmers' market moves indoors", "The Saturday farmers' market will move into the old mill for the winter months.")));
        var second = await app.IngestAsync();

        Assert.Equal(1, second.Count(IngestionOutcome.Added));
        Assert.Equal(1, second.Count(IngestionOutcome.Revised));
        Assert.Equal(1, second.Count(IngestionOutcome.Unchanged));
        var bridge = (await client.GetFromJsonAsync<JsonElement>("/api/articles")).EnumerateArray()
            .Single(a => a.GetProperty("sourceUrl").GetString() == "https://valley.example/bridge-2026");
        Assert.Equal(2, bridge.GetProperty("revision").GetInt32());
        Assert.Equal(3, await CountAsync(db => db.Articles));
    }

    [Fact]
    public async Task A_feed_file_cut_short_stores_the_items_before_the_cut_and_warns()
    {
        var whole = SourceSamples.Rss(
            ("bridge-2026", "Bridge closes for repairs", "The old stone bridge over the river will close for six weeks while engineers repair its arches."),
            ("school-2026", "School wins robotics prize", "Pupils from the valley school won the regional robotics final with a machine that sorts recycling."));
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "cut.xml"), whole[..whole.IndexOf("robotics final", StringComparison.Ordinal)]);

        var report = await app.IngestAsync();

        Assert.Equal(IngestionOutcome.Added, Assert.Single(report.Files).Outcome);
        Assert.Equal(1, await CountAsync(db => db.Articles));
        Assert.Contains(app.Logs.Warnings(typeof(ArticleIngester).FullName!),
            w => w.Message.Contains("cut.xml") && w.Message.Contains("truncated feed") && w.Message.Contains("the 1 item complete before the cut was read"));
    }

    [Fact]
    public async Task An_atom_feed_entry_keeps_its_author_and_link()
    {
        var article = await IngestOneAsync("field-notes.atom", SourceSamples.AtomFeed);

        Assert.Equal("Swifts arrive early this spring", article.GetProperty("title").GetString());
        Assert.Equal("Ana Lindqvist", article.GetProperty("author").GetString());
        Assert.Equal("https://fieldnotes.example/swifts-early", article.GetProperty("sourceUrl").GetString());
        Assert.Equal("Field Notes", article.GetProperty("siteName").GetString());
    }

    [Fact]
    public async Task A_windows_1252_file_is_read_with_its_characters()
    {
        var file = Path.Combine(app.SeedsFolder, "cafe.txt");
        await File.WriteAllBytesAsync(file, SourceSamples.Windows1252Story());

        var report = await app.IngestAsync();

        Assert.Equal(IngestionOutcome.Added, Assert.Single(report.Files).Outcome);
        var article = await OnlyArticleAsync();
        Assert.Equal("Café owners protest new rules", article.GetProperty("title").GetString());
        Assert.Contains("“Café du Port” say the rules – which", article.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("truncated.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half an item</title><description>Th")]
    [InlineData("nav-only.html", "<html><head><title>Home</title></head><body><nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav></body></html>")]
    [InlineData("bad-front-matter.md", "---\ntitle: [unclosed\nauthor: : :\n---\n\nA body that would otherwise be fine to read as an article.\n")]
    public async Task A_broken_file_is_skipped_with_its_reason_and_nothing_of_it_is_stored(string name, string content)
    {
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, name), content);

        var report = await app.IngestAsync();

        var skipped = Assert.Single(report.Files);
        Assert.Equal(IngestionOutcome.Skipped, skipped.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Reason));
        Assert.Equal(0, await CountAsync(db => db.Articles));
        Assert.Contains(app.Logs.Warnings(typeof(ArticleIngester).FullName!), w => w.Message.Contains(name) && w.Message.Contains(skipped.Reason!));
    }

    [Fact]
    public async Task Binary_and_oversized_files_are_skipped_with_their_reason()
    {
        await File.WriteAllBytesAsync(Path.Combine(app.SeedsFolder, "scan.pdf"), [.. "%PDF-1.7\n"u8, 0x00, 0xE2, 0xE3]);
        await File.WriteAllBytesAsync(Path.Combine(app.SeedsFolder, "noise.txt"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256))]);
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "huge.txt"), new string('w', 6 * 1024 * 1024));

        var report = await app.IngestAsync();

        Assert.Equal(3, report.Count(IngestionOutcome.Skipped));
        Assert.Contains("larger than 5 MB", report.Files.Single(f => f.Path.EndsWith("huge.txt")).Reason);
        Assert.All(report.Files, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal(0, await CountAsync(db => db.Articles));
    }

    [Fact]
    public async Task Unchanged_files_are_passed_by_and_a_known_duplicate_warns_only_once()
    {
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "harbour.txt"), SourceSamples.WireStory);
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "harbour-copy.txt"), SourceSamples.WireStory);
        var first = await app.IngestAsync();
        Assert.Equal(1, first.Count(IngestionOutcome.Added));
        Assert.Equal(1, first.Count(IngestionOutcome.Duplicate));
        var warningsAfterFirst = app.Logs.Warnings(typeof(ArticleIngester).FullName!).Count;

        var second = await app.IngestAsync();

        Assert.Equal(2, second.Count(IngestionOutcome.Unchanged));
        Assert.Equal(warningsAfterFirst, app.Logs.Warnings(typeof(ArticleIngester).FullName!).Count);

        // Touched but not changed: the hash says so, and the file is not parsed again.
        File.SetLastWriteTimeUtc(Path.Combine(app.SeedsFolder, "harbour.txt"), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(2, (await app.IngestAsync()).Count(IngestionOutcome.Unchanged));
        Assert.Equal(1, await CountAsync(db => db.ArticleRevisions));
    }

    [Fact]
    public async Task The_list_filters_by_site_and_search_has_a_site_filter()
    {
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "night-trains.md"), SourceSamples.MarkdownPost);
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "library.html"), SourceSamples.ArticlePage);
        await app.IngestAsync();

        var page = await HtmlDocument.GetAsync(client, "/?site=the%20alpine%20courier");
        var titles = page.QuerySelectorAll(".article-link").Select(a => a.TextContent).ToList();
        Assert.Equal(["Night trains return to the Alps"], titles);
        Assert.Contains("The Alpine Courier", page.QuerySelector(".article-row .site")!.TextContent);
        Assert.Contains("published", page.QuerySelector(".article-row .meta")!.TextContent);

        var all = await HtmlDocument.GetAsync(client, "/");
        Assert.Equal(2, all.QuerySelectorAll(".article-link").Length);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("site:\"The Riverside Gazette\" library"));
        var hits = search.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
        Assert.Single(hits);
        var none = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("site:\"The Alpine Courier\" library"));
        Assert.Empty(none.GetProperty("articles").EnumerateArray());
    }

    [Fact]
    public async Task An_administrator_uploads_several_files_at_once()
    {
        var admin = app.CreateClient();
        await Forms.RegisterAsync(admin, "admin@example.org");
        var upload = await UploadAsync(admin,
            ("harbour.txt", Encoding.UTF8.GetBytes(SourceSamples.WireStory)),
            ("night-trains.md", Encoding.UTF8.GetBytes(SourceSamples.MarkdownPost)),
            ("empty.txt", []));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var page = await HtmlDocument.ParseAsync(upload);
        Assert.Contains("2 added", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("empty file", page.QuerySelector(".ingest-report")!.TextContent);
        Assert.Equal(2, await CountAsync(db => db.Articles));

        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "reader@example.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(reader, ("x.txt", "Some text\n\nA paragraph."u8.ToArray()))).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient user, params (string Name, byte[] Bytes)[] files)
    {
        // A reader without the role is refused the page itself, so the token comes from a page every reader has.
        var formPage = await user.GetAsync("/admin/ingest");
        var page = await HtmlDocument.ParseAsync(formPage.IsSuccessStatusCode ? formPage : await user.GetAsync("/settings"));
        var token = (page.QuerySelector("form input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value ?? "";
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }
        return await user.PostAsync("/admin/ingest?handler=Upload", content);
    }

    private async Task<JsonElement> IngestOneAsync(string name, string content)
    {
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, name), content);
        var report = await app.IngestAsync();
        Assert.Equal(IngestionOutcome.Added, Assert.Single(report.Files).Outcome);
        return await OnlyArticleAsync();
    }

    private async Task<JsonElement> OnlyArticleAsync()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles");
        var slug = Assert.Single(list.EnumerateArray()).GetProperty("slug").GetString();
        return await client.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
    }

    private async Task<int> CountAsync<T>(Func<NewsReaderDb, IQueryable<T>> set)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await set(scope.ServiceProvider.GetRequiredService<NewsReaderDb>()).CountAsync();
    }
}
