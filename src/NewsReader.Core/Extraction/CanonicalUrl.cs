namespace NewsReader.Core.Extraction;

/// <summary>
/// The form of an article's address that identifies it: the same story reached through
/// different spellings of its URL is one article.
/// </summary>
public static class CanonicalUrl
{
    // Parameters that say how a reader arrived, not what they read.
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "fbclid", "gclid", "ocid", "cmpid"];

    /// <summary>
    /// An absolute http(s) URL with scheme and host in lower case, no default port, no
    /// fragment and no tracking parameters; null when <paramref name="url"/> is not one.
    /// </summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }
        var query = string.Join('&', uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !TrackingPrefixes.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase))));
        var builder = new UriBuilder(uri)
        {
            Fragment = "",
            Query = query,
            Port = uri.IsDefaultPort ? -1 : uri.Port,
        };
        return builder.Uri.AbsoluteUri;
    }

    /// <summary>
    /// A link as it may be stored and shown (a feed's or an OPML outline's site link): an absolute
    /// http(s) URL, or null for anything else (`javascript:`, `data:`, `file:`, relative).
    /// </summary>
    public static string? WebLink(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
            ? uri.AbsoluteUri
            : null;
}
