using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsReader.Web.Hosting;

/// <summary>
/// The base of every absolute URL the app emits (annotation ids, exports, the log-in and HTTPS
/// redirects, the bookmarklet). Never the request's Host header: with `AllowedHosts` `*` anyone can send
/// `Host: evil.example` and would get ids under their own site. It is
/// `NewsReader:PublicBaseUrl` when set (the address readers use, e.g. behind a proxy),
/// otherwise the address the server listens on (a wildcard listener reads as localhost).
/// </summary>
public sealed class PublicUrls(IConfiguration configuration, IServer server)
{
    public const string PublicBaseUrlKey = "NewsReader:PublicBaseUrl";

    private string? listening;

    /// <summary>Scheme, host, port and path base, without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            if (configuration[PublicBaseUrlKey] is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }
            return listening ??= ListeningAddress(server) ?? "http://localhost";
        }
    }

    /// <summary>The absolute URL of a path of this app (<paramref name="pathAndQuery"/> starts after the path base).</summary>
    public string Absolute(string pathAndQuery) => BaseUrl + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);

    /// <summary>
    /// An absolute URL the framework built from the request (scheme and Host header, as the
    /// cookie handler's log-in redirect does), moved onto <see cref="BaseUrl"/>; a relative one is
    /// kept as it is.
    /// </summary>
    public string Rebase(string url, HttpRequest request)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return url;
        }
        var path = uri.PathAndQuery + uri.Fragment;
        var pathBase = request.PathBase.Value;
        if (!string.IsNullOrEmpty(pathBase) && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase))
        {
            path = path[pathBase.Length..];
        }
        return Absolute(path);
    }

    /// <summary>
    /// Where a plain-HTTP request is sent when the server itself listens on HTTPS: the public
    /// base when it is HTTPS, else the HTTPS address listened on. Null when nothing here speaks
    /// HTTPS (behind a proxy that ends TLS, the proxy redirects).
    /// </summary>
    public string? HttpsBaseUrl
    {
        get
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || !addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            var preferred = BaseUrl;
            return preferred.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? preferred : ListeningAddress(server);
        }
    }

    private static string? ListeningAddress(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
        {
            return null;
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.ToString().TrimEnd('/');
    }
}
