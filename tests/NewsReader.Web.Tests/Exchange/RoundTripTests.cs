using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Exchange;

/// <summary>Export everything as JSON-LD, import it into an empty database with the same articles, export again.</summary>
public sealed class RoundTripTests(ExchangeFixture fixture) : IClassFixture<ExchangeFixture>
{
    [Fact]
    public async Task The_second_export_equals_the_first_apart_from_ids_and_timestamps()
    {
        var first = await fixture.Ada.GetStringAsync("/api/export?format=jsonld");

        await using var empty = new NewsReaderAppFactory();
        var reader = await ApiUsers.RegisterAsync(empty, "reader@example.org");
        var imported = await reader.PostAsync("/api/import", new StringContent(first, System.Text.Encoding.UTF8, "application/ld+json"));
        imported.EnsureSuccessStatusCode();
        var summary = await imported.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(3, summary!["anchored"]!.GetValue<int>());
        var second = await reader.GetStringAsync("/api/export?format=jsonld");

        Assert.Equal(Normalized(first), Normalized(second));
        // Ada's annotations keep her name and come in private (ImportAuthorshipTests has the rest).
        var adaName = JsonNode.Parse(first)!["first"]!["items"]![0]!["creator"]!["name"]!.GetValue<string>();
        Assert.All(JsonNode.Parse(second)!["first"]!["items"]!.AsArray(), i =>
        {
            Assert.Equal(adaName, i!["importedFrom"]!.GetValue<string>());
            Assert.Equal("private", i["visibility"]!.GetValue<string>());
        });
        Assert.Equal(3, JsonNode.Parse(second)!["total"]!.GetValue<int>());
    }

    /// <summary>The export without what is bound to change: annotation ids, times, and authorship (the importer is not Ada).</summary>
    private static string Normalized(string export)
    {
        var json = JsonNode.Parse(export)!.AsObject();
        foreach (var item in json["first"]!["items"]!.AsArray())
        {
            var annotation = item!.AsObject();
            annotation.Remove("id");
            annotation.Remove("created");
            annotation.Remove("modified");
            annotation.Remove("creator");
            annotation.Remove("importedFrom");
            annotation.Remove("visibility");
        }
        return json.ToJsonString();
    }
}
