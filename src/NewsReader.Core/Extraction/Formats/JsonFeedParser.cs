using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Reads JSON Feed 1.0 and 1.1 (jsonfeed.org): each item an article whose raw source is that
/// item's JSON. Bodies come from content_html, else content_text, else the summary; 1.0's
/// single author and 1.1's authors are both read, and relative addresses are resolved against
/// the feed's own address, else its home page.
/// </summary>
public sealed partial class JsonFeedParser : ISourceFormat
{
    public const string MediaType = "application/feed+json";

    public string Name => "JSON Feed";

    public IReadOnlyList<string> Extensions { get; } = [".json"];

    public IReadOnlyList<AnnouncedType> MediaTypes { get; } = [new(MediaType), new("application/json", 0.9)];

    /// <summary>An object whose first lines name a jsonfeed.org version.</summary>
    public bool Announces(string head) => head.StartsWith('{') && VersionMember().IsMatch(head);

    ExtractionResult ISourceFormat.Parse(string text, Uri? address) => Parse(text, address);

    // MaxDepth stands behind the cheaper scan in Parse, which says why in plain words.
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = SourceLimits.MaxJsonDepth };

    public static ExtractionResult Parse(string json, Uri? address = null)
    {
        if (SourceLimits.JsonExceeds(json))
        {
            return ExtractionResult.Broken($"the JSON Feed nests its objects and arrays more than {SourceLimits.MaxJsonDepth} levels deep, which no feed needs; it is not read");
        }
        json = json.TrimStart('\uFEFF');
        JsonDocument document;
        string? truncation = null;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            if (CompleteItemsBefore(json) is not { } cut)
            {
                return ExtractionResult.Broken($"truncated or malformed JSON Feed: {ex.Message}");
            }
            truncation = $"truncated JSON Feed: the JSON ends at line {(ex.LineNumber ?? 0) + 1} before its objects are closed; the file or the download was cut short";
            if (cut.Complete is not { } complete)
            {
                return ExtractionResult.Broken(truncation);
            }
            // The items complete before the cut are read, the feed closed after them.
            document = JsonDocument.Parse(complete, Options);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "version") is not { } version
                || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                return ExtractionResult.Refuse("not a JSON Feed: no jsonfeed.org version");
            }
            var baseUrl = address ?? ((Absolute(String(root, "feed_url"), null) ?? Absolute(String(root, "home_page_url"), null)) is { } own ? new Uri(own) : null);
            var channel = new FeedChannel(FeedParser.Plain(String(root, "title")), Absolute(String(root, "home_page_url"), baseUrl));
            var articles = new List<ExtractedArticle>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var feedAuthor = Authors(root);
                var language = String(root, "language");
                foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    Item(articles, item, channel.Title, feedAuthor, language, baseUrl);
                }
            }
            if (articles.Count == 0 && truncation is not null)
            {
                return ExtractionResult.Broken(truncation);
            }
            var result = articles.Count == 0 ? ExtractionResult.Refuse("the JSON Feed has no items with text") : new ExtractionResult(articles, null);
            return result with
            {
                Feed = channel,
                Truncation = truncation is null ? null
                    : $"{truncation}: the {articles.Count} {(articles.Count == 1 ? "item complete before the cut was" : "items complete before the cut were")} read",
            };
        }
    }

    private static void Item(List<ExtractedArticle> articles, JsonElement item, string? siteName, string? feedAuthor, string? language, Uri? baseUrl)
    {
        var link = Absolute(String(item, "url"), baseUrl) ?? Absolute(String(item, "external_url"), baseUrl);
        var metadata = new ArticleMetadata
        {
            SourceUrl = CanonicalUrl.Normalize(link),
            SiteName = siteName,
            Author = Authors(item) ?? feedAuthor,
            Published = SourceDates.Parse(String(item, "date_published") ?? String(item, "date_modified")),
            Language = String(item, "language") ?? language,
            Tags = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? FeedParser.Tags(tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!))
                : [],
        };
        var blocks = String(item, "content_html") is { } html
            ? FeedParser.BodyBlocks(html, isHtml: true)
            : FeedParser.BodyBlocks(String(item, "content_text") ?? String(item, "summary"), isHtml: false);
        // JSON Feed 1.0 allowed a number as id; either way it is the item's identity.
        var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? idValue.ToString().Trim()
            : null;
        FeedParser.Add(articles, item.GetRawText(), MediaType, string.IsNullOrEmpty(id) ? link : id, FeedParser.Plain(String(item, "title")), blocks, metadata);
    }

    /// <summary>1.1's authors, else 1.0's author: their names, joined.</summary>
    private static string? Authors(JsonElement element)
    {
        IEnumerable<JsonElement> authors = element.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : element.TryGetProperty("author", out var one) ? [one] : [];
        var names = authors.Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>What a cut-short feed still holds: its text up to the end of its last complete item, closed (null when no item came complete).</summary>
    private sealed record Cut(string? Complete);

    /// <summary>
    /// Null when the JSON is malformed rather than cut short; else the feed up to its last
    /// complete item with the items array and the feed object closed after it. A reader that is
    /// told more may follow stops at the cut instead of failing there, so "cut short" and
    /// "malformed" are told apart by the JSON reader itself.
    /// </summary>
    private static Cut? CompleteItemsBefore(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions
        {
            AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = SourceLimits.MaxJsonDepth,
        }));
        long lastItemEnd = -1;
        var inItems = false;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    inItems = reader.ValueTextEquals("items"u8);
                }
                else if (inItems && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.EndObject)
                {
                    lastItemEnd = reader.BytesConsumed;
                }
                else if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
                {
                    inItems = false;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        if (reader.CurrentDepth == 0 && reader.BytesConsumed >= bytes.Length)
        {
            // Not cut short: whatever failed, it was not the end coming too soon.
            return null;
        }
        return new Cut(lastItemEnd < 0 ? null : System.Text.Encoding.UTF8.GetString(bytes, 0, (int)lastItemEnd) + "]}");
    }

    private static string? Absolute(string? url, Uri? baseUrl) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri
        : baseUrl is not null && Uri.TryCreate(baseUrl, url, out var resolved) ? resolved.AbsoluteUri
        : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    [GeneratedRegex(@"""version""\s*:\s*""https?://jsonfeed\.org/version/")]
    private static partial Regex VersionMember();
}
