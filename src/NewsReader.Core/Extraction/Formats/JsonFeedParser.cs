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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.TrimStart('\uFEFF'), Options);
        }
        catch (JsonException ex)
        {
            return ExtractionResult.Broken($"truncated or malformed JSON Feed: {ex.Message}");
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
            var result = articles.Count == 0 ? ExtractionResult.Refuse("the JSON Feed has no items with text") : new ExtractionResult(articles, null);
            return result with { Feed = channel };
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
