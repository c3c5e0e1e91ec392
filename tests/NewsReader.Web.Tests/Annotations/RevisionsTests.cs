using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>A revised file re-ingested: the history and diff API, the revisions page, the reader's banner, the list filter and keeping a changed highlight.</summary>
public sealed class RevisionsTests : IAsyncLifetime
{
    private const string Slug = AnnotationBuilder.SeedSlug;
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;

    public async Task InitializeAsync() => ada = await ApiUsers.RegisterAsync(app, "ada@example.org");

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Revisions_diff_banner_list_and_keep_after_a_revised_file()
    {
        // Ada reads revision 1, highlights a passage, then the file is revised.
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/articles/{Slug}")).StatusCode);
        var changed = await new AnnotationBuilder().Quote("the largest foreign direct investment sources").CreateAsync(ada);
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed))
            .Replace("the largest foreign direct investment sources", "the largest direct investment sources")
            .Replace("Rose Garden", "White House Rose Garden"));
        await app.IngestAsync();

        var revisions = await ada.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}/revisions");
        Assert.Equal([1, 2], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal("file", revisions[1].GetProperty("source").GetString());

        var diff = await ada.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}/diff?from=1&to=2");
        var ops = diff.EnumerateArray().ToList();
        Assert.Contains(ops, o => o.GetProperty("op").GetString() == "delete" && o.GetProperty("text").GetString()!.Contains("foreign"));
        Assert.Contains(ops, o => o.GetProperty("op").GetString() == "insert" && o.GetProperty("text").GetString()!.Contains("White House"));
        Assert.All(ops, o => Assert.Equal(["op", "text", "oldStart", "newStart"], o.EnumerateObject().Select(p => p.Name)));
        // Equal and deleted pieces rebuild the old text; equal and inserted ones the new.
        var oldText = string.Concat(ops.Where(o => o.GetProperty("op").GetString() != "insert").Select(o => o.GetProperty("text").GetString()));
        var newText = (await ada.GetFromJsonAsync<JsonElement>($"/api/articles/{Slug}")).GetProperty("text").GetString();
        Assert.Equal(newText, string.Concat(ops.Where(o => o.GetProperty("op").GetString() != "delete").Select(o => o.GetProperty("text").GetString())));
        Assert.NotEqual(newText, oldText);

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/articles/{Slug}/diff?from=one&to=2")).StatusCode);
        var missing = await anonymous.GetAsync($"/api/articles/{Slug}/diff?from=1&to=9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/articles/no-such-article/revisions")).StatusCode);

        // The revisions page: both revisions, the word diff with the unchanged paragraphs folded.
        var history = await HtmlDocument.GetAsync(anonymous, $"/articles/{Slug}/revisions");
        Assert.Equal(2, history.QuerySelectorAll(".revision-list li").Length);
        Assert.Contains("foreign", history.QuerySelector(".diff del")!.TextContent);
        Assert.NotEmpty(history.QuerySelectorAll(".diff details.unchanged"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/articles/{Slug}/revisions?from=1&to=7")).StatusCode);

        // The reader: banner, margin marks, the changed highlight with its old quote.
        var page = await HtmlDocument.GetAsync(ada, $"/articles/{Slug}");
        Assert.Contains("Updated since you read it: 2 paragraphs changed", page.QuerySelector(".update-banner")!.TextContent);
        Assert.Equal($"/articles/{Slug}/revisions?from=1&to=2", page.QuerySelector(".update-banner a")!.GetAttribute("href"));
        Assert.Equal(2, page.QuerySelectorAll(".reader-body [data-changed]").Length);
        var item = page.QuerySelector($".annotation-item[data-annotation-id='{Id(changed)}']")!;
        Assert.Equal("the largest foreign direct investment sources", item.QuerySelector(".revised-quotes del")!.TextContent);
        Assert.Equal("the largest direct investment sources", item.QuerySelector(".revised-quotes ins")!.TextContent);

        // The list: Updated, and the filter finds it.
        var list = await HtmlDocument.GetAsync(ada, "/?filter=updated");
        Assert.NotNull(list.QuerySelector($".article-row[data-slug='{Slug}'] .updated"));

        // Someone else cannot keep Ada's highlight; anonymous readers are sent to log in.
        var bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
        var bobPage = await HtmlDocument.GetAsync(bob, $"/articles/{Slug}");
        Assert.Null(bobPage.QuerySelector(".keep-new-text"));

        // Keep: the new words become the quote, anchored.
        var kept = await Forms.SubmitAsync(ada, $"/articles/{Slug}", new Dictionary<string, string>(), $".annotation-item[data-annotation-id='{Id(changed)}'] form[action$='Keep']");
        Assert.True(kept.IsSuccessStatusCode, kept.StatusCode.ToString());
        var after = await ada.GetFromJsonAsync<JsonElement>(changed.IdPath());
        Assert.Equal("anchored", after.GetProperty("anchorStatus").GetString());
        Assert.Equal("the largest direct investment sources", after.Selector("TextQuoteSelector").GetProperty("exact").GetString());

        // Marking the update as seen takes the banner and the list entry away.
        var seen = await Forms.SubmitAsync(ada, $"/articles/{Slug}", new Dictionary<string, string>(), ".update-banner form");
        Assert.True(seen.IsSuccessStatusCode, seen.StatusCode.ToString());
        Assert.Null((await HtmlDocument.GetAsync(ada, $"/articles/{Slug}")).QuerySelector(".update-banner"));
        Assert.Null((await HtmlDocument.GetAsync(ada, "/?filter=updated")).QuerySelector($".article-row[data-slug='{Slug}']"));
    }

    [Fact]
    public async Task Keep_and_seen_need_the_owner_and_a_signed_in_reader()
    {
        var annotation = await new AnnotationBuilder().Quote("Rose Garden").CreateAsync(ada);
        var bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
        var page = await HtmlDocument.GetAsync(bob, $"/articles/{Slug}");
        var token = page.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;

        var response = await bob.PostAsync($"/articles/{Slug}?id={Id(annotation)}&handler=Keep",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var noToken = await ada.PostAsync($"/articles/{Slug}?handler=Seen", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    private static string Id(JsonElement annotation) => annotation.IdPath().Split('/').Last();
}

/// <summary>Diffs are bounded: a pair over the cost limit is "too large to compare" on the API and the page, and the reader still opens.</summary>
public sealed class RevisionDiffLimitTests : IAsyncLifetime
{
    private const string Slug = AnnotationBuilder.SeedSlug;
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;

    public async Task InitializeAsync()
    {
        app.Settings["NewsReader:Limits:DiffCost"] = "1000";
        ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_diff_over_the_limit_is_a_clear_422_on_the_api_and_a_readable_message_on_the_page()
    {
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/articles/{Slug}")).StatusCode);
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace("Rose Garden", "White House Rose Garden"));
        await app.IngestAsync();
        var anonymous = app.CreateClient();

        var api = await anonymous.GetAsync($"/api/articles/{Slug}/diff?from=1&to=2");
        var again = await anonymous.GetAsync($"/api/articles/{Slug}/diff?from=1&to=2");
        var page = await anonymous.GetAsync($"/articles/{Slug}/revisions?from=1&to=2");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Too large to compare", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("differ too much to compare", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/articles/{Slug}")).StatusCode);
    }

    [Fact]
    public async Task Diffs_count_as_expensive_work()
    {
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        NewsReader.Web.Hosting.ExpensiveWorkAttribute? Limits(string route) => endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText?.TrimStart('/'), route, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Metadata.GetMetadata<NewsReader.Web.Hosting.ExpensiveWorkAttribute>()).FirstOrDefault(a => a is not null);

        Assert.NotNull(Limits("api/articles/{slug}/diff"));
        Assert.NotNull(Limits("articles/{slug}/revisions"));
        Assert.True(Limits("notebook/import") is { PostsOnly: true });
    }
}
