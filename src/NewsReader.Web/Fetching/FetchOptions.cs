namespace NewsReader.Web.Fetching;

/// <summary>The limits every fetch from the web keeps, from `NewsReader:Fetch`.</summary>
public sealed class FetchOptions
{
    public const string Section = "NewsReader:Fetch";
    public const string AllowPrivateNetworksKey = Section + ":AllowPrivateNetworks";

    /// <summary>
    /// Lets fetches reach loopback, private, link-local and multicast addresses. Off by
    /// default: a URL a reader pastes must not make the server probe its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The whole fetch, redirects and body included. 15 s; tests shorten it.</summary>
    public double TimeoutSeconds { get; set; } = 15;

    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
