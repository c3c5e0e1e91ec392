using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsReader.Web.Annotations;

/// <summary>
/// Reads and writes annotations in the W3C Web Annotation Data Model (JSON-LD): a TextualBody
/// for the Markdown note, one TextualBody with purpose "tagging" per tag, and a target with a
/// TextQuoteSelector and a TextPositionSelector (code points) on the current revision. The
/// colour travels as the target's styleClass; visibility and anchorStatus are NewsReader's own.
/// </summary>
public static class W3cAnnotationJson
{
    public const string Context = "http://www.w3.org/ns/anno.jsonld";
    public const string MediaType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    /// <summary>The highlight colours as CSS classes, the same as the reader's marks use.</summary>
    public const string HighlightStylesheet =
        ".yellow { background-color: #fde68a; } .green { background-color: #bbf7d0; } .blue { background-color: #bfdbfe; } " +
        ".pink { background-color: #fbcfe8; } .purple { background-color: #ddd6fe; }";

    /// <summary>What a posted annotation asks for: the article it targets and the draft to store.</summary>
    public sealed record Request(string ArticleSlug, AnnotationDraft Draft);

    public static JsonObject Write(Annotation a, string baseUrl)
    {
        var bodies = new JsonArray();
        if (a.Note is not null)
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = a.Note, ["format"] = "text/markdown", ["purpose"] = "commenting" });
        }
        foreach (var tag in a.Tags.OrderBy(t => t.Id))
        {
            bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag.Name, ["purpose"] = "tagging" });
        }
        var selectors = new JsonArray
        {
            new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = a.Exact, ["prefix"] = a.Prefix, ["suffix"] = a.Suffix },
        };
        if (a.Start is { } start && a.End is { } end)
        {
            selectors.Add(new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = end });
        }
        var json = new JsonObject
        {
            ["@context"] = Context,
            ["id"] = $"{baseUrl}/api/annotations/{a.Id}",
            ["type"] = "Annotation",
            ["created"] = Timestamp(a.Created),
            ["modified"] = Timestamp(a.Modified),
            ["creator"] = Creator(a, baseUrl),
            // The W3C model asks for a stylesheet wherever styleClass is used.
            ["stylesheet"] = new JsonObject { ["type"] = "CssStylesheet", ["value"] = HighlightStylesheet },
            ["target"] = new JsonObject
            {
                ["source"] = $"{baseUrl}/articles/{a.Article.Slug}",
                ["styleClass"] = a.Color,
                ["selector"] = selectors,
            },
            ["visibility"] = a.Visibility == Visibility.Public ? "public" : "private",
            ["anchorStatus"] = a.AnchorStatus.ToString().ToLowerInvariant(),
            ["revision"] = a.AnchoredRevision,
        };
        if (a.ImportedFrom is not null)
        {
            // Imported from someone else's export: whose words these are (the owner is who imported them).
            json["importedFrom"] = a.ImportedFrom;
        }
        if (bodies.Count > 0)
        {
            json["body"] = bodies;
        }
        return json;
    }

    // The W3C model's Agent: the display name as `name` (never the e-mail address, which is private).
    private static JsonObject Creator(Annotation a, string baseUrl)
    {
        var creator = new JsonObject { ["id"] = $"{baseUrl}/users/{a.OwnerId}", ["type"] = "Person" };
        if (a.AuthorName.Length > 0)
        {
            creator["name"] = a.AuthorName;
        }
        return creator;
    }

    public static JsonObject WriteCollection(IReadOnlyList<Annotation> annotations, string baseUrl, string slug, string title)
    {
        var id = $"{baseUrl}/api/annotations?article={Uri.EscapeDataString(slug)}";
        var items = new JsonArray();
        foreach (var a in annotations)
        {
            var item = Write(a, baseUrl);
            item.Remove("@context");
            items.Add(item);
        }
        return new JsonObject
        {
            ["@context"] = Context,
            ["id"] = id,
            ["type"] = "AnnotationCollection",
            ["label"] = $"Annotations on {title}",
            ["total"] = annotations.Count,
            ["first"] = new JsonObject
            {
                ["id"] = $"{id}&page=0",
                ["type"] = "AnnotationPage",
                ["startIndex"] = 0,
                ["items"] = items,
            },
            ["last"] = $"{id}&page=0",
        };
    }

    /// <summary>An annotation as read, before its target is matched to an article: the source as given and the draft.</summary>
    public sealed record Parsed(string Source, AnnotationDraft Draft);

    /// <summary>Reads a posted annotation, or says in a sentence what is wrong with it.</summary>
    public static (Request? Request, string? Problem) Read(JsonElement json)
    {
        var (parsed, problem) = ReadAnySource(json);
        if (parsed is null)
        {
            return (null, problem);
        }
        var slug = SlugOf(parsed.Source);
        return slug is null
            ? Fail($"target.source '{parsed.Source}' is not an article URL (…/articles/{{slug}}).")
            : (new Request(slug, parsed.Draft), null);
    }

    /// <summary>
    /// Reads an annotation whose target may be any address (import matches it to an article
    /// later), or says in a sentence what is wrong with it. With <paramref name="skipOtherSelectors"/>
    /// selectors other than quote and position (another tool's RangeSelector, XPathSelector…) are
    /// passed over instead of refused.
    /// </summary>
    public static (Parsed? Parsed, string? Problem) ReadAnySource(JsonElement json, bool skipOtherSelectors = false)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return FailAny("The body must be a JSON object: a W3C Web Annotation.");
        }
        if (!AllTextIsValid(json))
        {
            return FailAny("The annotation holds text that is not valid Unicode (a lone surrogate or bytes that are not UTF-8).");
        }
        if (!json.TryGetProperty("target", out var target) || target.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return FailAny("The annotation has no target: give target.source (the article URL) and a TextQuoteSelector.");
        }
        if (target.ValueKind == JsonValueKind.Array)
        {
            if (target.GetArrayLength() != 1)
            {
                return FailAny("An annotation targets exactly one article.");
            }
            target = target[0];
        }
        if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty("source", out var sourceElement) || sourceElement.ValueKind != JsonValueKind.String)
        {
            return FailAny("target.source must be the URL of an article (…/articles/{slug}).");
        }
        var source = sourceElement.GetString()!;

        TextQuoteSelector? quote = null;
        TextPositionSelector? position = null;
        if (target.TryGetProperty("selector", out var selectorElement))
        {
            foreach (var selector in selectorElement.ValueKind == JsonValueKind.Array ? selectorElement.EnumerateArray() : Enumerable.Repeat(selectorElement, 1))
            {
                var type = selector.ValueKind == JsonValueKind.Object && selector.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                switch (type)
                {
                    case "TextQuoteSelector":
                        if (!TryString(selector, "exact", out var exact) || !TryString(selector, "prefix", out var prefix, optional: true) || !TryString(selector, "suffix", out var suffix, optional: true))
                        {
                            return FailAny("A TextQuoteSelector needs a string 'exact', and 'prefix' and 'suffix' must be strings when given.");
                        }
                        quote = new TextQuoteSelector(exact!, prefix ?? "", suffix ?? "");
                        break;
                    case "TextPositionSelector":
                        if (!TryInt(selector, "start", out var start) || !TryInt(selector, "end", out var end))
                        {
                            return FailAny("A TextPositionSelector needs whole numbers 'start' and 'end'.");
                        }
                        if (start < 0 || end < start)
                        {
                            return FailAny($"The TextPositionSelector [{start}, {end}) is not a range: start must be at least 0 and end not before start.");
                        }
                        position = new TextPositionSelector(start, end);
                        break;
                    default:
                        if (skipOtherSelectors)
                        {
                            break;
                        }
                        return FailAny($"Selector type '{type ?? "(none)"}' is not supported; use TextQuoteSelector and TextPositionSelector.");
                }
            }
        }
        if (quote is null && position is not null)
        {
            return FailAny("A TextQuoteSelector is required; a position alone cannot survive a revision of the article.");
        }

        string? note = null;
        var tags = new List<string>();
        if (json.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
        {
            foreach (var body in bodyElement.ValueKind == JsonValueKind.Array ? bodyElement.EnumerateArray() : Enumerable.Repeat(bodyElement, 1))
            {
                if (body.ValueKind != JsonValueKind.Object || !TryString(body, "value", out var value))
                {
                    return FailAny("Each body must be a TextualBody with a string 'value'.");
                }
                var purpose = TryString(body, "purpose", out var p, optional: true) ? p : null;
                if (purpose == "tagging")
                {
                    tags.Add(value!);
                }
                else if (TryString(body, "format", out var format, optional: true) && format is not (null or "text/markdown" or "text/plain"))
                {
                    return FailAny($"A note's format is text/markdown (or text/plain), not '{format}'.");
                }
                else if (note is null)
                {
                    note = value;
                }
                else
                {
                    return FailAny("Only one commenting body (the note) is allowed.");
                }
            }
        }

        var color = AnnotationRules.DefaultColor;
        if (target.TryGetProperty("styleClass", out var styleClass))
        {
            if (styleClass.ValueKind != JsonValueKind.String)
            {
                return FailAny("target.styleClass must be a colour name.");
            }
            color = styleClass.GetString()!;
        }
        var visibility = Visibility.Private;
        if (json.TryGetProperty("visibility", out var visibilityElement))
        {
            visibility = visibilityElement.ValueKind == JsonValueKind.String ? visibilityElement.GetString() switch
            {
                "private" => Visibility.Private,
                "public" => Visibility.Public,
                _ => (Visibility)(-1),
            } : (Visibility)(-1);
            if (!Enum.IsDefined(visibility))
            {
                return FailAny("visibility must be \"private\" or \"public\".");
            }
        }
        var draft = new AnnotationDraft(quote, position, note, AnnotationRules.NormalizeTags(tags), color, visibility);
        return (new Parsed(source, draft), null);
    }

    /// <summary>The slug of an article URL, absolute or relative; null when it is not one.</summary>
    public static string? SlugOf(string source)
    {
        var path = Uri.TryCreate(source, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : source.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["articles", var slug] && slug.Length > 0 ? Uri.UnescapeDataString(slug) : null;
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static (Request?, string?) Fail(string problem) => (null, problem);

    private static (Parsed?, string?) FailAny(string problem) => (null, problem);

    // System.Text.Json accepts "\ud800" and invalid UTF-8 inside strings when it parses, and
    // throws only when the string is read; check every name and value once, up front.
    private static bool AllTextIsValid(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && AllTextIsValid(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(AllTextIsValid),
                JsonValueKind.String => element.GetString() is not null,
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryString(JsonElement element, string name, out string? value, bool optional = false)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return optional;
        }
        if (property.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        value = property.GetString();
        return true;
    }

    private static bool TryInt(JsonElement element, string name, out int value)
    {
        value = 0;
        return element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Number && property.TryGetInt32(out value);
    }
}
