using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Core.Exchange;

/// <summary>One annotation found in an import file, as a W3C Web Annotation, with its place in the file.</summary>
public sealed record ImportItem(int Index, JsonElement Annotation);

/// <summary>
/// Finds the annotations in an import file: a W3C Annotation, an AnnotationPage, an
/// AnnotationCollection whose pages are embedded (`first`, then `next`) or linked in (given by
/// id and present elsewhere in the same file: a top-level array or `@graph`), or a Hypothesis
/// API search result (`{"total", "rows"}`), whose rows are turned into W3C annotations here.
/// </summary>
public static class ImportDocument
{
    /// <summary>The items in file order, or a sentence saying why the file is none of the shapes.</summary>
    public static (IReadOnlyList<ImportItem>? Items, string? Problem) Items(JsonElement root, int maxItems)
    {
        var items = new List<JsonElement>();
        string? problem;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("rows", out var rows))
        {
            if (rows.ValueKind != JsonValueKind.Array)
            {
                return (null, "\"rows\" must be an array of Hypothesis annotations.");
            }
            foreach (var row in rows.EnumerateArray())
            {
                if (items.Count >= maxItems)
                {
                    return (null, TooMany(maxItems));
                }
                items.Add(row.ValueKind == JsonValueKind.Object ? FromHypothesis(row) : row);
            }
            return (Numbered(items), null);
        }
        var objects = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array => graph.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => null,
        };
        if (objects is null)
        {
            return (null, "The file must hold a JSON object: a W3C Annotation or AnnotationCollection, or a Hypothesis search result.");
        }
        var pagesById = objects.Where(o => IsType(o, "AnnotationPage") && Id(o) is not null).GroupBy(o => Id(o)!).ToDictionary(g => g.Key, g => g.First());
        var collection = objects.FirstOrDefault(o => IsType(o, "AnnotationCollection"));
        if (collection.ValueKind == JsonValueKind.Object)
        {
            problem = CollectPages(collection, pagesById, items, maxItems);
        }
        else
        {
            problem = null;
            foreach (var o in objects)
            {
                problem ??= IsType(o, "AnnotationPage") ? AddItems(o, items, maxItems)
                    : IsType(o, "Annotation") ? Add(o, items, maxItems)
                    : $"An object of type '{TypeOf(o) ?? "(none)"}' is not an Annotation, AnnotationPage or AnnotationCollection.";
            }
        }
        return problem is null ? (Numbered(items), null) : (null, problem);
    }

    private static string? CollectPages(JsonElement collection, Dictionary<string, JsonElement> pagesById, List<JsonElement> items, int maxItems)
    {
        if (!collection.TryGetProperty("first", out var page))
        {
            return collection.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetDouble(out var count) && count > 0
                ? "The collection has annotations (total) but no first page."
                : null;
        }
        var seen = new HashSet<string>();
        while (true)
        {
            if (page.ValueKind == JsonValueKind.String)
            {
                if (!pagesById.TryGetValue(page.GetString()!, out var linked))
                {
                    return $"The page '{page.GetString()}' is linked but not in the file; export it with its pages embedded.";
                }
                page = linked;
            }
            if (page.ValueKind != JsonValueKind.Object || !IsType(page, "AnnotationPage"))
            {
                return "A collection's pages must be AnnotationPage objects (or the ids of pages in the same file).";
            }
            if (Id(page) is { } id && !seen.Add(id))
            {
                return $"The page '{id}' comes round again: the pages' next links make a loop.";
            }
            if (AddItems(page, items, maxItems) is { } problem)
            {
                return problem;
            }
            if (!page.TryGetProperty("next", out var next) || next.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            page = next.ValueKind == JsonValueKind.Array && next.GetArrayLength() == 1 ? next[0] : next;
        }
    }

    private static string? AddItems(JsonElement page, List<JsonElement> items, int maxItems)
    {
        if (!page.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return "An AnnotationPage needs an \"items\" array.";
        }
        foreach (var item in list.EnumerateArray())
        {
            if (Add(item, items, maxItems) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static string? Add(JsonElement item, List<JsonElement> items, int maxItems)
    {
        if (items.Count >= maxItems)
        {
            return TooMany(maxItems);
        }
        items.Add(item);
        return null;
    }

    private static string TooMany(int maxItems) =>
        $"The file holds more than {maxItems:N0} annotations; import it in parts of at most {maxItems:N0}.";

    private static List<ImportItem> Numbered(List<JsonElement> items) => items.Select((item, i) => new ImportItem(i, item)).ToList();

    private static bool IsType(JsonElement o, string type) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty("type", out var t) && t.ValueKind switch
        {
            JsonValueKind.String => t.GetString() == type,
            JsonValueKind.Array => t.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == type),
            _ => false,
        };

    private static string? TypeOf(JsonElement o) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static string? Id(JsonElement o) =>
        o.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>
    /// A Hypothesis row as a W3C annotation: `text` is the Markdown note, `tags` the tags, the
    /// first target's selectors and source (else `uri`) the target; shared with the world
    /// (`permissions.read` holds `group:__world__`) means public; `updated` is the modified time;
    /// `user` (`acct:name@host`) is the creator, named by `user_info.display_name`, else by
    /// `name@host`, so that an import keeps authorship as it does for a W3C creator.
    /// </summary>
    public static JsonElement FromHypothesis(JsonElement row)
    {
        var w3c = new JsonObject { ["type"] = "Annotation" };
        if (row.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            w3c["id"] = "hypothesis:" + id.GetString();
        }
        if (HypothesisCreator(row) is { } creator)
        {
            w3c["creator"] = creator;
        }
        var bodies = new JsonArray();
        if (row.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(text.GetString()))
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = text.GetString(), ["format"] = "text/markdown", ["purpose"] = "commenting" });
        }
        if (row.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String))
            {
                bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag.GetString(), ["purpose"] = "tagging" });
            }
        }
        w3c["body"] = bodies;
        var source = row.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String ? uri.GetString() : null;
        if (row.TryGetProperty("target", out var targets) && targets.ValueKind == JsonValueKind.Array && targets.GetArrayLength() > 0
            && targets[0].ValueKind == JsonValueKind.Object)
        {
            var first = targets[0];
            if (first.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
            {
                source = s.GetString();
            }
            var target = new JsonObject { ["source"] = source };
            if (first.TryGetProperty("selector", out var selectors))
            {
                target["selector"] = JsonNode.Parse(selectors.GetRawText());
            }
            w3c["target"] = target;
        }
        else if (source is not null)
        {
            w3c["target"] = new JsonObject { ["source"] = source };
        }
        var shared = row.TryGetProperty("permissions", out var permissions) && permissions.ValueKind == JsonValueKind.Object
            && permissions.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.Array
            && read.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.String && r.GetString() == "group:__world__");
        w3c["visibility"] = shared ? "public" : "private";
        foreach (var (from, to) in new[] { ("created", "created"), ("updated", "modified") })
        {
            if (row.TryGetProperty(from, out var time) && time.ValueKind == JsonValueKind.String)
            {
                w3c[to] = time.GetString();
            }
        }
        return JsonSerializer.SerializeToElement(w3c);
    }

    /// <summary>The Hypothesis prefix of an account (`acct:name@host`).</summary>
    public const string HypothesisAccountPrefix = "acct:";

    /// <summary>A row's author as a W3C creator: the account as its id, the display name (else `name@host`) as its name.</summary>
    private static JsonObject? HypothesisCreator(JsonElement row)
    {
        if (!row.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(user.GetString()))
        {
            return null;
        }
        var account = user.GetString()!.Trim();
        var displayName = row.TryGetProperty("user_info", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("display_name", out var shown) && shown.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(shown.GetString())
                ? shown.GetString()!.Trim()
                : null;
        var bare = account.StartsWith(HypothesisAccountPrefix, StringComparison.OrdinalIgnoreCase) ? account[HypothesisAccountPrefix.Length..] : account;
        return new JsonObject { ["type"] = "Person", ["id"] = account, ["name"] = displayName ?? bare };
    }
}
