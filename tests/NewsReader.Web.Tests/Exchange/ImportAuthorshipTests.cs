using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Exchange;

/// <summary>Import keeps authorship: someone else's annotations come in private under their name; the reader's own keep their visibility.</summary>
public sealed class ImportAuthorshipTests(ExchangeFixture fixture) : IClassFixture<ExchangeFixture>
{
    private static StringContent JsonLd(string json) => new(json, Encoding.UTF8, "application/ld+json");

    // The reader's own annotations: an export holds nothing else.
    private async Task<HttpClient> NewUserAsync() => await ApiUsers.RegisterAsync(fixture.App, $"{Guid.NewGuid():N}@example.org");

    [Fact]
    public async Task Someone_elses_export_is_imported_private_and_from_its_author()
    {
        var export = await fixture.Ada.GetStringAsync("/api/export?format=jsonld");
        var adaItems = JsonNode.Parse(export)!["first"]!["items"]!.AsArray();
        var adaName = adaItems[0]!["creator"]!["name"]!.GetValue<string>();
        Assert.Contains(adaItems, i => i!["visibility"]!.GetValue<string>() == "public");
        var reader = await NewUserAsync();

        var imported = await reader.PostAsync("/api/import", JsonLd(export));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var mine = await reader.GetFromJsonAsync<JsonElement>("/api/export?format=jsonld");
        var items = mine.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(adaItems.Count, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal("private", i.GetProperty("visibility").GetString());
            Assert.Equal(adaName, i.GetProperty("importedFrom").GetString());
        });
        // Nobody else sees Ada's public note republished by the importer.
        var others = await fixture.Bob.GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        Assert.DoesNotContain(others.GetProperty("first").GetProperty("items").EnumerateArray(),
            i => i.TryGetProperty("importedFrom", out _));
        // The reader page says whose words they are.
        var page = await HtmlDocument.GetAsync(reader, $"/articles/{AnnotationBuilder.SeedSlug}");
        var authors = page.QuerySelectorAll(".annotation-item .author").Select(a => a.TextContent.Trim()).ToList();
        Assert.NotEmpty(authors);
        Assert.All(page.QuerySelectorAll(".annotation-item").Where(i => i.QuerySelector(".imported-from") is not null),
            i => Assert.Equal("Private", i.QuerySelector(".visibility")!.TextContent));
        Assert.Equal(adaItems.Count, authors.Count(a => a == $"from {adaName}"));
    }

    [Fact]
    public async Task The_readers_own_export_keeps_its_visibility_and_names_no_one()
    {
        var reader = await NewUserAsync();
        var own = await new AnnotationBuilder().Quote("Rose Garden").Note("mine, shared").Public().CreateAsync(reader);
        var export = await reader.GetStringAsync("/api/export?format=jsonld");
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync(new Uri(own.GetProperty("id").GetString()!).AbsolutePath)).StatusCode);

        var imported = await reader.PostAsync("/api/import", JsonLd(export));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var mine = await reader.GetFromJsonAsync<JsonElement>("/api/export?format=jsonld");
        var item = Assert.Single(mine.GetProperty("first").GetProperty("items").EnumerateArray());
        Assert.Equal("public", item.GetProperty("visibility").GetString());
        Assert.False(item.TryGetProperty("importedFrom", out _));
    }

    [Theory]
    [InlineData("{\"id\": \"https://elsewhere.example/users/7\", \"name\": \"Grace\"}", "Grace")]
    [InlineData("\"https://elsewhere.example/users/7\"", "https://elsewhere.example/users/7")]
    [InlineData("[{\"type\": \"Person\", \"nickname\": \"gh\"}]", "gh")]
    public async Task A_creator_is_named_by_its_name_else_its_nickname_else_its_id(string creator, string expected)
    {
        var reader = await NewUserAsync();
        var file = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\", \"creator\": " + creator
            + ", \"visibility\": \"public\", \"target\": {\"source\": \"http://localhost/articles/" + AnnotationBuilder.SeedSlug
            + "\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"Rose Garden\"}}}";

        var imported = await reader.PostAsync("/api/import", JsonLd(file));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var mine = await reader.GetFromJsonAsync<JsonElement>("/api/export?format=jsonld");
        var item = Assert.Single(mine.GetProperty("first").GetProperty("items").EnumerateArray());
        Assert.Equal(expected, item.GetProperty("importedFrom").GetString());
        Assert.Equal("private", item.GetProperty("visibility").GetString());
    }

    /// <summary>A Hypothesis search result with a row by Grace (display name given) and one by ada (none), both shared with the world.</summary>
    private static StringContent HypothesisFile() => new("""
        {"total": 2, "rows": [
          {"id": "grace-row", "user": "acct:grace@hypothes.is", "user_info": {"display_name": "Grace Hopper"},
           "uri": "http://localhost/articles/SLUG", "text": "Grace's note", "tags": [],
           "permissions": {"read": ["group:__world__"]},
           "target": [{"source": "http://localhost/articles/SLUG", "selector": [{"type": "TextQuoteSelector", "exact": "Rose Garden"}]}]},
          {"id": "ada-row", "user": "acct:ada@hypothes.is",
           "uri": "http://localhost/articles/SLUG", "text": "Ada's note", "tags": [],
           "permissions": {"read": ["group:__world__"]},
           "target": [{"source": "http://localhost/articles/SLUG", "selector": [{"type": "TextQuoteSelector", "exact": "Rose Garden"}]}]}
        ]}
        """.Replace("SLUG", AnnotationBuilder.SeedSlug, StringComparison.Ordinal), Encoding.UTF8, "application/json");

    private static async Task<Dictionary<string, JsonElement>> ByNoteAsync(HttpClient reader)
    {
        var mine = await reader.GetFromJsonAsync<JsonElement>("/api/export?format=jsonld");
        return mine.GetProperty("first").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("body").EnumerateArray().First().GetProperty("value").GetString()!);
    }

    [Fact]
    public async Task Hypothesis_rows_by_another_user_are_imported_private_and_from_them()
    {
        var reader = await NewUserAsync();

        var imported = await reader.PostAsync("/api/import", HypothesisFile());

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var items = await ByNoteAsync(reader);
        Assert.Equal(2, items.Count);
        Assert.Equal("private", items["Grace's note"].GetProperty("visibility").GetString());
        Assert.Equal("Grace Hopper", items["Grace's note"].GetProperty("importedFrom").GetString());
        // No display name: the account, without its acct: scheme.
        Assert.Equal("private", items["Ada's note"].GetProperty("visibility").GetString());
        Assert.Equal("ada@hypothes.is", items["Ada's note"].GetProperty("importedFrom").GetString());
        // Nobody else sees Grace's world-readable note republished by the importer.
        var others = await fixture.Bob.GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        Assert.DoesNotContain(others.GetProperty("first").GetProperty("items").EnumerateArray(),
            i => i.GetProperty("body").EnumerateArray().Any(b => b.GetProperty("value").GetString() == "Grace's note"));
    }

    [Theory]
    [InlineData("acct:ada@hypothes.is", "public")]
    [InlineData("", "private")]
    public async Task The_import_page_takes_the_readers_own_Hypothesis_account(string account, string adasVisibility)
    {
        var reader = await NewUserAsync();
        var page = await HtmlDocument.GetAsync(reader, "/notebook/import");
        Assert.NotNull(page.QuerySelector("[data-testid=import-form] input[name=hypothesisAccount]"));
        var token = page.QuerySelector("[data-testid=import-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(account), "hypothesisAccount" },
            { new ByteArrayContent(await HypothesisFile().ReadAsByteArrayAsync()), "file", "hypothesis.json" },
        };

        var response = await reader.PostAsync("/notebook/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await ByNoteAsync(reader);
        Assert.Equal(adasVisibility, items["Ada's note"].GetProperty("visibility").GetString());
        Assert.Equal("private", items["Grace's note"].GetProperty("visibility").GetString());
        Assert.Equal("Grace Hopper", items["Grace's note"].GetProperty("importedFrom").GetString());
    }

    [Theory]
    [InlineData("acct:ada@hypothes.is")]
    [InlineData("ada@hypothes.is")]
    public async Task The_readers_own_Hypothesis_account_keeps_its_visibility_and_names_no_one(string account)
    {
        var reader = await NewUserAsync();

        var imported = await reader.PostAsync($"/api/import?hypothesisAccount={Uri.EscapeDataString(account)}", HypothesisFile());

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var items = await ByNoteAsync(reader);
        Assert.Equal("public", items["Ada's note"].GetProperty("visibility").GetString());
        Assert.False(items["Ada's note"].TryGetProperty("importedFrom", out _));
        Assert.Equal("private", items["Grace's note"].GetProperty("visibility").GetString());
        Assert.Equal("Grace Hopper", items["Grace's note"].GetProperty("importedFrom").GetString());
    }
}
