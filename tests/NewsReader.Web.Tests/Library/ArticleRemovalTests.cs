using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library;

/// <summary>Issue #21: a reader takes an article out of their library (with Undo); an administrator deletes one for everyone.</summary>
public sealed class ArticleRemovalTests(ManyReadersAppFactory app) : IClassFixture<ManyReadersAppFactory>
{
    private const string Seed = AnnotationBuilder.SeedSlug;
    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task A_reader_removes_an_article_from_the_list_and_undoes_it_and_nobody_else_loses_it()
    {
        await AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, $"remover-{tag}@example.org");
        var other = app.CreateClient();
        await Forms.RegisterAsync(other, $"keeper-{tag}@example.org");

        var removed = await HtmlDocument.ParseAsync(await Forms.SubmitAsync(reader, "/", NoFields, $".article-row[data-slug='{Seed}'] form.remove-article"));
        Assert.Contains("Removed from your library", removed.QuerySelector(".remove-undo")!.TextContent);
        Assert.Null(removed.QuerySelector($".article-row[data-slug='{Seed}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/articles/{Seed}")).StatusCode);
        Assert.NotNull((await HtmlDocument.GetAsync(other, "/")).QuerySelector($".article-row[data-slug='{Seed}']"));

        // The notice lives for one page (TempData): post the form of the page that showed it.
        var undo = (AngleSharp.Html.Dom.IHtmlFormElement)removed.QuerySelector("form.remove-undo")!;
        var fields = undo.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        var undone = await HtmlDocument.ParseAsync(await reader.PostAsync(undo.GetAttribute("action"), new FormUrlEncodedContent(fields)));
        Assert.NotNull(undone.QuerySelector($".article-row[data-slug='{Seed}']"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{Seed}")).StatusCode);
    }

    [Fact]
    public async Task A_reader_removes_an_article_from_its_reader_page_and_the_list_offers_undo_and_counts_it_at_once()
    {
        await AdminAsync();
        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, $"page-remover-{Guid.NewGuid():N}@example.org");
        var before = AllCount(await HtmlDocument.GetAsync(reader, "/"));

        var removed = await HtmlDocument.ParseAsync(await Forms.SubmitAsync(reader, $"/articles/{Seed}", NoFields, ".reader-tools form.remove-article"));
        Assert.Contains("Removed from your library", removed.QuerySelector(".remove-undo")!.TextContent);
        Assert.Null(removed.QuerySelector($".article-row[data-slug='{Seed}']"));
        Assert.Equal(before - 1, AllCount(removed));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/articles/{Seed}")).StatusCode);

        var undo = (AngleSharp.Html.Dom.IHtmlFormElement)removed.QuerySelector("form.remove-undo")!;
        var fields = undo.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        var undone = await HtmlDocument.ParseAsync(await reader.PostAsync(undo.GetAttribute("action"), new FormUrlEncodedContent(fields)));
        Assert.NotNull(undone.QuerySelector($".article-row[data-slug='{Seed}']"));
        Assert.Equal(before, AllCount(undone));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{Seed}")).StatusCode);
    }

    [Fact]
    public async Task The_remove_form_of_the_reader_page_is_refused_without_its_antiforgery_token()
    {
        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, $"forged-{Guid.NewGuid():N}@example.org");
        var page = await HtmlDocument.GetAsync(reader, $"/articles/{Seed}");
        var form = page.QuerySelector(".reader-tools form.remove-article")!;
        var forged = await reader.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["slug"] = Seed }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{Seed}")).StatusCode);
    }

    /// <summary>The sidebar's count of the All view.</summary>
    private static int AllCount(AngleSharp.Dom.IDocument page) =>
        int.Parse(page.QuerySelector(".library-views li[data-view='all'] .unread-count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_reader_links_to_the_pages_address_beside_the_source_as_saved()
    {
        var reader = await HtmlDocument.GetAsync(app.CreateClient(), $"/articles/{Seed}");
        // A file has no address on the web: "View original" is the source as ingested.
        Assert.Null(reader.QuerySelector("a.view-original"));
        Assert.Equal($"/articles/{Seed}/original", reader.QuerySelector("a.view-source")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_administrator_sees_what_goes_with_an_article_exports_it_and_deletes_it_for_everyone()
    {
        var admin = await AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ingested = Path.Combine(app.SeedsFolder, $"doomed-{tag}.txt");
        await File.WriteAllTextAsync(ingested, $"Doomed Story {tag}\n\nThe old pier closes for repairs on Monday, the harbour office said.");
        await app.IngestAsync();
        var slug = (await admin.GetFromJsonAsync<JsonElement>("/api/articles")).EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == $"Doomed Story {tag}").GetProperty("slug").GetString()!;
        var url = $"http://localhost/articles/{slug}";
        var ann = await ApiUsers.RegisterAsync(app, $"ann-{tag}@example.org");
        var ben = await ApiUsers.RegisterAsync(app, $"ben-{tag}@example.org");
        await new AnnotationBuilder().On(url).Quote("old pier").Note("Ann public").Public().CreateAsync(ann);
        await new AnnotationBuilder().On(url).Quote("harbour office").Note("Ann private").Private().CreateAsync(ann);
        await new AnnotationBuilder().On(url).Quote("repairs").Note("Ben public").Public().CreateAsync(ben);

        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, $"not-admin-{tag}@example.org");
        Assert.NotEqual(HttpStatusCode.OK, (await reader.GetAsync($"/admin/articles/{slug}/delete")).StatusCode);

        var page = await HtmlDocument.GetAsync(admin, $"/admin/articles/{slug}/delete");
        Assert.Contains("3 annotations by 2 readers", page.QuerySelector(".deletion-impact")!.TextContent);
        Assert.Contains("1 private annotation stays out of it", page.QuerySelector("main")!.TextContent);
        var export = await admin.GetStringAsync(page.QuerySelector("a[href*='format=jsonld']")!.GetAttribute("href"));
        Assert.Contains("Ann public", export);
        Assert.Contains("Ben public", export);
        Assert.DoesNotContain("Ann private", export);

        var done = await HtmlDocument.ParseAsync(await Forms.SubmitAsync(admin, $"/admin/articles/{slug}/delete", NoFields, "main form"));
        Assert.Contains("is deleted for every reader", done.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.GetAsync($"/api/articles/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/articles/{slug}/delete")).StatusCode);
        var search = await ann.GetFromJsonAsync<JsonElement>($"/api/search?q=pier");
        Assert.DoesNotContain(search.GetProperty("annotations").EnumerateArray(), a => a.GetProperty("articleSlug").GetString() == slug);
        Assert.DoesNotContain(search.GetProperty("articles").EnumerateArray(), a => a.GetProperty("slug").GetString() == slug);
    }

    /// <summary>The first account is the administrator: registered once for the class, by whichever test runs first.</summary>
    private async Task<HttpClient> AdminAsync()
    {
        await AdminGate.WaitAsync();
        try
        {
            if (admin is null)
            {
                admin = app.CreateClient();
                await Forms.RegisterAsync(admin, "admin@example.org");
            }
            return admin;
        }
        finally
        {
            AdminGate.Release();
        }
    }

    private static readonly SemaphoreSlim AdminGate = new(1, 1);
    private static HttpClient? admin;
}
