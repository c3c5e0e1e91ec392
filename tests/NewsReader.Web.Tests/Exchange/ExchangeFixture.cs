using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;
using NewsReader.Web.Tests.Library.Ingestion;

namespace NewsReader.Web.Tests.Exchange;

/// <summary>
/// One app for the export and import tests: the seed article and a Markdown post with a source
/// URL, ada with three annotations on the seed (one public) and bob with a public and a private one.
/// </summary>
public sealed class ExchangeFixture : IAsyncLifetime
{
    public NewsReaderAppFactory App { get; } = new();
    public HttpClient Ada { get; private set; } = null!;
    public HttpClient Bob { get; private set; } = null!;
    public JsonElement Tagged { get; private set; }
    public JsonElement Bare { get; private set; }
    public JsonElement Shared { get; private set; }
    public string PostSlug { get; private set; } = "";
    public string PostSourceUrl { get; private set; } = "";

    public static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    public async Task InitializeAsync()
    {
        // The import tests each sign up a reader of their own.
        App.Settings["NewsReader:RateLimit:AuthPermitLimit"] = "1000";
        File.WriteAllText(Path.Combine(App.SeedsFolder, "night-trains.md"), SourceSamples.MarkdownPost);
        Ada = await ApiUsers.RegisterAsync(App, "ada@example.org");
        Bob = await ApiUsers.RegisterAsync(App, "bob@example.org");
        Tagged = await new AnnotationBuilder().Note("A **note** with [a link](https://example.org)").Tag("diplomacy").Tag("us japan").Color("blue").CreateAsync(Ada);
        Bare = await new AnnotationBuilder().Quote("Rose Garden").CreateAsync(Ada);
        Shared = await new AnnotationBuilder().Quote("White House").Note("=SUM(A1:A9) looks like a formula").Public().CreateAsync(Ada);
        await new AnnotationBuilder().Quote("turbulent").Note("bob's public note").Public().CreateAsync(Bob);
        await new AnnotationBuilder().Quote("joint statement").Note("bob's private note").CreateAsync(Bob);
        var articles = await Ada.GetFromJsonAsync<JsonElement>("/api/articles");
        var post = articles.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Night trains return to the Alps");
        PostSlug = post.GetProperty("slug").GetString()!;
        PostSourceUrl = post.GetProperty("sourceUrl").GetString()!;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
