using AngleSharp.Html.Parser;

namespace NewsReader.Core.Feeds;

/// <summary>
/// The feeds a web page announces in its head (<c>&lt;link rel="alternate" type="application/rss+xml" href="…"&gt;</c>),
/// so a reader may subscribe with the page's address. RSS, Atom and JSON Feed are looked for,
/// in the page's order; comment feeds come after the others.
/// </summary>
public static class FeedDiscovery
{
    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json", "application/json",
    };

    /// <summary>The absolute http(s) addresses of the feeds <paramref name="html"/> announces, resolved against <paramref name="page"/>.</summary>
    public static IReadOnlyList<Uri> Find(string html, Uri page)
    {
        // A page too deep or too big to read as an article is too much to parse for its links.
        if (SourceLimits.Html(html, maxElements: SourceLimits.MaxHtmlElements) != MarkupLimit.None)
        {
            return [];
        }
        var document = new HtmlParser().ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUri = baseHref is not null && Uri.TryCreate(page, baseHref, out var declared) ? declared : page;
        return document.QuerySelectorAll("link[rel][href]")
            .Where(l => l.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("alternate", StringComparer.OrdinalIgnoreCase)
                && FeedTypes.Contains((l.GetAttribute("type") ?? "").Split(';')[0].Trim()))
            .Select(l => (Title: l.GetAttribute("title") ?? "", Href: l.GetAttribute("href")!.Trim()))
            .Select(l => (l.Title, Uri: Uri.TryCreate(baseUri, l.Href, out var resolved) ? resolved : null))
            .Where(l => l.Uri is not null && (l.Uri.Scheme == Uri.UriSchemeHttp || l.Uri.Scheme == Uri.UriSchemeHttps))
            .OrderBy(l => l.Title.Contains("comment", StringComparison.OrdinalIgnoreCase) ? 1 : 0)
            .Select(l => l.Uri!)
            .Distinct()
            .ToList();
    }
}
