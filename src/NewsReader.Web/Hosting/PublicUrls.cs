using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsReader.Web.Hosting;

/// <summary>
/// The base of every absolute URL the app emits (annotation ids, Location headers, the
/// bookmarklet). Never the request's Host header: with `AllowedHosts` `*` anyone can send
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
