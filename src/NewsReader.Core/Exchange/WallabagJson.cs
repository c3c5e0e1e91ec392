using System.Text.Json;

namespace NewsReader.Core.Exchange;

/// <summary>
/// Wallabag's JSON export: an array of entries with <c>url</c>, <c>title</c>, the saved
/// <c>content</c> (HTML), <c>tags</c> (names, or objects with a label in older versions),
/// <c>is_archived</c>/<c>is_starred</c> (0/1 or booleans), <c>created_at</c>
/// ("2023-01-15T10:20:30+0100") and <c>annotations</c> (annotator.js: quote, text, ranges whose
/// offsets are within an element, so they are no position hint in the whole text).
/// </summary>
public sealed class WallabagJson : ILibraryExportFormat
{
    public string Name => "wallabag-json";
    public string Label => "Wallabag (JSON)";

    public bool Recognises(ExportFile file)
    {
        if (file.IsZip || !file.Text.TrimStart().StartsWith('['))
        {
            return false;
        }
        var head = file.Head;
        return head.Contains("\"is_archived\"", StringComparison.Ordinal) || head.Contains("\"is_starred\"", StringComparison.Ordinal)
            || (head.Contains("\"url\"", StringComparison.Ordinal) && head.Contains("\"annotations\"", StringComparison.Ordinal));
    }

    public LibraryExport Read(ExportFile file)
    {
        using var document = JsonDocument.Parse(file.Text, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("a Wallabag export is a JSON array of entries.");
        }
        var entries = new List<MovedEntry>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || ExportValues.WebUrl(Json.String(entry, "url")) is not { } url)
            {
                continue;
            }
            var archived = Json.Flag(entry, "is_archived");
            entries.Add(new MovedEntry(url, ExportValues.Blank(Json.String(entry, "title")))
            {
                Tags = Json.Names(entry, "tags", "label"),
                Favorite = Json.Flag(entry, "is_starred"),
                Archived = archived,
                Read = archived,
                SavedAt = ExportValues.Date(Json.String(entry, "created_at")),
                ContentHtml = ExportValues.Blank(Json.String(entry, "content")),
                Highlights = Highlights(entry),
            });
        }
        return new LibraryExport(Name, entries, []);
    }

    private static List<MovedHighlight> Highlights(JsonElement entry) =>
        entry.TryGetProperty("annotations", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Where(a => a.ValueKind == JsonValueKind.Object && ExportValues.Blank(Json.String(a, "quote")) is not null)
                .Select(a => new MovedHighlight(Json.String(a, "quote")!.Trim(), ExportValues.Blank(Json.String(a, "text"))))
                .ToList()
            : [];
}

/// <summary>Lenient readings of JSON values, as exports write them.</summary>
internal static class Json
{
    public static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    /// <summary>1, true, "1" or "true".</summary>
    public static bool Flag(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => v.TryGetInt32(out var n) && n != 0,
            JsonValueKind.String => v.GetString() is "1" or "true",
            _ => false,
        };

    /// <summary>An array of names: strings, or objects carrying the name in <paramref name="field"/> (or "name").</summary>
    public static IReadOnlyList<string> Names(JsonElement o, string name, string field) =>
        o.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : t.ValueKind == JsonValueKind.Object ? String(t, field) ?? String(t, "name") : null)
                .Select(ExportValues.Blank).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
}
