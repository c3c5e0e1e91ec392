using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>Builds W3C annotations to post, with sensible defaults a test can override.</summary>
public sealed class AnnotationBuilder
{
    private string source = "http://localhost/articles/" + SeedSlug;
    private string? exact = "closer relationships";
    private string? prefix;
    private string? suffix;
    private (int Start, int End)? position;
    private string? note;
    private readonly List<string> tags = [];
    private string? color;
    private string? visibility;

    public const string SeedSlug = "us-president-biden-and-japanese-prime-minister-kishita-nada-promised-to-start";

    public AnnotationBuilder On(string articleUrl) { source = articleUrl; return this; }
    public AnnotationBuilder Quote(string? text, string? before = null, string? after = null) { exact = text; prefix = before; suffix = after; return this; }
    public AnnotationBuilder At(int start, int end) { position = (start, end); return this; }
    public AnnotationBuilder Note(string text) { note = text; return this; }
    public AnnotationBuilder Tag(string tag) { tags.Add(tag); return this; }
    public AnnotationBuilder Color(string name) { color = name; return this; }
    public AnnotationBuilder Public() { visibility = "public"; return this; }
    public AnnotationBuilder Private() { visibility = "private"; return this; }

    public JsonObject Build()
    {
        var selectors = new JsonArray();
        if (exact is not null)
        {
            var quote = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = exact };
            if (prefix is not null) quote["prefix"] = prefix;
            if (suffix is not null) quote["suffix"] = suffix;
            selectors.Add(quote);
        }
        if (position is { } p)
        {
            selectors.Add(new JsonObject { ["type"] = "TextPositionSelector", ["start"] = p.Start, ["end"] = p.End });
        }
        var bodies = new JsonArray();
        if (note is not null)
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = note, ["format"] = "text/markdown", ["purpose"] = "commenting" });
        }
        foreach (var tag in tags)
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag, ["purpose"] = "tagging" });
        }
        var target = new JsonObject { ["source"] = source, ["selector"] = selectors };
        if (color is not null) target["styleClass"] = color;
        var json = new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = bodies,
            ["target"] = target,
        };
        if (visibility is not null) json["visibility"] = visibility;
        return json;
    }

    public async Task<JsonElement> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/annotations", Build());
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/annotations answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public static class AnnotationJson
{
    public static string IdPath(this JsonElement annotation) => new Uri(annotation.GetProperty("id").GetString()!).AbsolutePath;

    /// <summary>The annotation's id alone, as the reader page writes it on its marks.</summary>
    public static string Id(this JsonElement annotation) => annotation.IdPath().Split('/')[^1];

    public static JsonElement Selector(this JsonElement annotation, string type) =>
        annotation.GetProperty("target").GetProperty("selector").EnumerateArray().Single(s => s.GetProperty("type").GetString() == type);
}
