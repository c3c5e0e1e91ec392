using System.Text.RegularExpressions;
using System.Text.Json;
using AngleSharp.Dom;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// What a page's head says about its article: Open Graph and article: meta tags, JSON-LD,
/// the canonical link, the html lang, a &lt;time datetime&gt;. The first source that names a
/// field wins, in the order publishers tend to keep them accurate.
/// </summary>
public sealed partial record HtmlPageMetadata(string? Title, ArticleMetadata Metadata)
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · "];

    public static HtmlPageMetadata Read(IDocument document)
    {
        var ld = JsonLdArticle.Find(document);
        var heading = document.QuerySelector("h1")?.TextContent;
        var (pageTitle, titleSuffix) = SplitTitle(document.Title, First(Meta(document, "og:site_name"), ld?.Publisher), heading);
        var siteName = First(Meta(document, "og:site_name"), ld?.Publisher, Meta(document, "application-name"), titleSuffix);
        var metadata = new ArticleMetadata
        {
            SourceUrl = CanonicalUrl.Normalize(document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href"))
                ?? CanonicalUrl.Normalize(Meta(document, "og:url"))
                ?? CanonicalUrl.Normalize(ld?.Url),
            SiteName = siteName,
            Author = First(Meta(document, "author"), ld?.Author, NameNotUrl(Meta(document, "article:author")),
                document.QuerySelector("[rel~=author]")?.TextContent, document.QuerySelector("[itemprop=author]")?.TextContent),
            Published = SourceDates.Parse(Meta(document, "article:published_time"))
                ?? SourceDates.Parse(ld?.Published)
                ?? SourceDates.Parse(Meta(document, "date"))
                ?? SourceDates.Parse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
            Language = First(document.DocumentElement.GetAttribute("lang"), Meta(document, "og:locale")?.Replace('_', '-')),
            Tags = document.QuerySelectorAll("meta[property='article:tag']")
                .Select(m => m.GetAttribute("content")?.Trim()).OfType<string>().Where(t => t.Length > 0).Distinct().ToList(),
        };
        // og:title and JSON-LD headlines carry the site's name as often as <title> does.
        var title = SplitTitle(First(Meta(document, "og:title"), ld?.Headline, pageTitle), siteName, heading).Title;
        return new HtmlPageMetadata(title, metadata);
    }

    /// <summary>
    /// "Story | Site" (or "Site | Story") as ("Story", "Site") when that part is the known site
    /// name, is written as a domain ("Sportsnet.ca"), or the rest is the page's h1; else the
    /// whole title and no suffix. A title that is nothing but the site's name stays whole.
    /// </summary>
    public static (string? Title, string? Suffix) SplitTitle(string? title, string? siteName, string? heading)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return (null, null);
        }
        var whole = ArticleTextBuilder.Collapse(title);
        var h1 = heading is null ? null : ArticleTextBuilder.Collapse(heading);
        foreach (var separator in TitleSeparators)
        {
            var cut = whole.LastIndexOf(separator, StringComparison.Ordinal);
            if (cut > 0)
            {
                var (story, suffix) = (whole[..cut], whole[(cut + separator.Length)..]);
                if (IsSiteName(suffix, siteName) || string.Equals(story, h1, StringComparison.OrdinalIgnoreCase))
                {
                    return (story, suffix);
                }
            }
            var first = whole.IndexOf(separator, StringComparison.Ordinal);
            if (first > 0)
            {
                var (prefix, story) = (whole[..first], whole[(first + separator.Length)..]);
                if (IsSiteName(prefix, siteName) || string.Equals(story, h1, StringComparison.OrdinalIgnoreCase))
                {
                    return (story, prefix);
                }
            }
        }
        return (whole, null);
    }

    private static bool IsSiteName(string part, string? siteName) =>
        (siteName is not null && (string.Equals(part, siteName, StringComparison.OrdinalIgnoreCase)
            || (Letters(part) is { Length: >= 3 } a && Letters(siteName) is { Length: >= 3 } b && (a == b || a.StartsWith(b, StringComparison.Ordinal) && Domain().IsMatch(part)))))
        || Domain().IsMatch(part);

    private static string Letters(string value) => new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [GeneratedRegex(@"^(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|co\.uk|ca|au|de|fr|io|info|news|[a-z]{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Domain();

    private static string? Meta(IDocument document, string key) =>
        document.QuerySelector($"meta[property='{key}'], meta[name='{key}'], meta[itemprop='{key}']")?.GetAttribute("content");

    private static string? NameNotUrl(string? value) => value is not null && value.Contains("://") ? null : value;

    private static string? First(params string?[] values) =>
        values.Select(v => v is null ? "" : ArticleTextBuilder.Collapse(v)).FirstOrDefault(v => v.Length > 0);

    /// <summary>The fields of a page's schema.org Article in JSON-LD, wherever in the graph it sits.</summary>
    private sealed record JsonLdArticle(string? Headline, string? Author, string? Publisher, string? Published, string? Url)
    {
        private static readonly string[] ArticleTypes = ["Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "WebPage"];

        public static JsonLdArticle? Find(IDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (Candidates(json.RootElement).FirstOrDefault(IsArticle) is { ValueKind: JsonValueKind.Object } found)
                    {
                        return new JsonLdArticle(Text(found, "headline"), Name(found, "author"), Name(found, "publisher"),
                            Text(found, "datePublished") ?? Text(found, "dateCreated"), Text(found, "url"));
                    }
                }
                catch (JsonException)
                {
                    // A broken JSON-LD block is common and costs only the fields it would have given.
                }
            }
            return null;
        }

        private static IEnumerable<JsonElement> Candidates(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Candidates),
            JsonValueKind.Object when element.TryGetProperty("@graph", out var graph) => Candidates(graph),
            JsonValueKind.Object => [element],
            _ => [],
        };

        private static bool IsArticle(JsonElement element) =>
            element.TryGetProperty("@type", out var type)
            && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()])
                .Any(t => ArticleTypes.Contains(t, StringComparer.OrdinalIgnoreCase));

        private static string? Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        // An author or publisher is a name, an object with a name, or a list of either.
        private static string? Name(JsonElement element, string property)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return null;
            }
            var names = (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
                .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Object ? Text(v, "name") : null)
                .OfType<string>()
                .Where(n => n.Length > 0)
                .ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }
    }
}
