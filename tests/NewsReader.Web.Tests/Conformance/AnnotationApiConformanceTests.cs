using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Conformance;

/// <summary>What the API really emits, run through the W3C test suite's "must" assertions.</summary>
public sealed class AnnotationApiConformanceTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;

    public async Task InitializeAsync() => ada = await ApiUsers.RegisterAsync(app, "ada@example.org");

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Emitted_annotations_pass_every_must()
    {
        var full = await new AnnotationBuilder().Note("A **note** with [a link](https://example.org)").Tag("diplomacy").Tag("japan").Color("blue").Public().CreateAsync(ada);
        var bare = await new AnnotationBuilder().Quote("Rose Garden").CreateAsync(ada);

        foreach (var annotation in new[] { full, bare })
        {
            var json = await ada.GetStringAsync(annotation.IdPath());
            var result = await W3cValidator.ValidateAsync(json, W3cValidator.AnnotationMusts);
            Assert.True(result.AllMustsPass, string.Join("\n", result.Failures));
        }
    }

    [Fact]
    public async Task The_emitted_collection_and_its_page_pass_every_must()
    {
        await new AnnotationBuilder().Note("one").CreateAsync(ada);
        await new AnnotationBuilder().Quote("Rose Garden").Tag("place").CreateAsync(ada);

        var json = await ada.GetStringAsync($"/api/annotations?article={AnnotationBuilder.SeedSlug}");

        var collection = await W3cValidator.ValidateAsync(json, W3cValidator.CollectionMusts);
        Assert.True(collection.AllMustsPass, string.Join("\n", collection.Failures));
        var page = JsonNode.Parse(json)!["first"]!.AsObject();
        page["@context"] = "http://www.w3.org/ns/anno.jsonld";
        var pageResult = await W3cValidator.ValidateAsync(page.ToJsonString(), W3cValidator.PageMusts);
        Assert.True(pageResult.AllMustsPass, string.Join("\n", pageResult.Failures));
        foreach (var item in page["items"]!.AsArray())
        {
            var annotation = item!.DeepClone().AsObject();
            annotation["@context"] = "http://www.w3.org/ns/anno.jsonld";
            var itemResult = await W3cValidator.ValidateAsync(annotation.ToJsonString(), W3cValidator.AnnotationMusts);
            Assert.True(itemResult.AllMustsPass, string.Join("\n", itemResult.Failures));
        }
    }
}
