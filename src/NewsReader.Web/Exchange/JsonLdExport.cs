using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsReader.Web.Exchange;

/// <summary>
/// One W3C AnnotationCollection with its page embedded as `first`, the annotations in it as
/// the API writes them (<see cref="W3cAnnotationJson.Write"/>). A file has no server to fetch
/// further pages from, so everything is on the one page; it is written item by item, so a
/// large export never sits in memory as one JSON tree.
/// </summary>
public sealed class JsonLdExport : IExportFormat
{
    public string Name => "jsonld";

    public IReadOnlyList<string> Aliases => ["json-ld"];

    public string Label => "JSON-LD (W3C Web Annotation)";

    public string ContentType => Annotations.W3cAnnotationJson.MediaType;

    public string Extension => "jsonld";

    public async Task WriteAsync(ExportSet set, ExportContext context, Stream output, CancellationToken cancellationToken)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await using var json = new Utf8JsonWriter(output, options);
        var id = CollectionId(set);
        var pageId = id + "#page-0";
        json.WriteStartObject();
        json.WriteString("@context", W3cAnnotationJson.Context);
        json.WriteString("id", id);
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", set.Label);
        json.WriteNumber("total", set.Count);
        if (set.Count > 0)
        {
            json.WriteStartObject("first");
            json.WriteString("id", pageId);
            json.WriteString("type", "AnnotationPage");
            // The W3C suite reads partOf as the collection's description, not a bare IRI.
            json.WriteStartObject("partOf");
            json.WriteString("id", id);
            json.WriteString("label", set.Label);
            json.WriteNumber("total", set.Count);
            json.WriteEndObject();
            json.WriteNumber("startIndex", 0);
            json.WriteStartArray("items");
            foreach (var annotation in set.AllAnnotations)
            {
                var item = W3cAnnotationJson.Write(annotation, set.BaseUrl);
                item.Remove("@context");
                item.WriteTo(json);
                if (json.BytesPending > 32 * 1024)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("last", pageId);
        }
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static string CollectionId(ExportSet set)
    {
        var query = set.Scope.ArticleSlug is { } slug ? $"&article={Uri.EscapeDataString(slug)}" : "";
        var include = set.Scope.IncludePublic ? "&include=public" : "";
        return $"{set.BaseUrl}/api/export?format=jsonld{query}{include}";
    }
}
