using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Fetching;

/// <summary>Cache validators a feed keeps from its last changed answer, sent back as a conditional GET.</summary>
public sealed record CacheValidators(string? ETag, string? LastModified);

/// <summary>What a fetch brought back: the final address after redirects, and the body unless the server said 304.</summary>
public sealed record FetchedDocument(Uri Url, bool NotModified, byte[] Body, string? MediaType, CacheValidators Validators)
{
    /// <summary>A file name whose extension tells ArticleExtractor the format the server announced.</summary>
    public string FileName
    {
        get
        {
            var extension = SourceFormats.ByMediaType(MediaType)?.Extensions[0] ?? ".txt";
            var name = Path.GetFileNameWithoutExtension(Url.AbsolutePath);
            return (string.IsNullOrEmpty(name) ? "index" : name) + extension;
        }
    }
}

/// <summary>
/// The one way NewsReader reads from the web. Every hop of a redirect is checked (scheme,
/// address) before it is followed, at most <see cref="FetchOptions.MaxRedirects"/> of them; the
/// whole fetch has one time limit; the body is read up to the size cap and no further. The
/// address check here gives a clear refusal before anything is sent; the connect callback in
/// <see cref="FetchingSetup"/> checks again the address actually connected to, so a DNS answer
/// that changes between the two (rebinding) cannot slip through.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, ILogger<PageFetcher> logger)
{
    public const string ClientName = "fetch";

    /// <summary>The URL as an absolute http(s) address, or a 400-class failure.</summary>
    public static Uri ParseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FetchException(FetchFailure.InvalidUrl, "The URL is not an absolute address such as https://example.org/story.");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException(FetchFailure.InvalidUrl, $"Only http and https addresses can be fetched, not {uri.Scheme}:.");
        }
        return uri;
    }

    public async Task<FetchedDocument> FetchAsync(Uri url, CacheValidators? validators = null, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var client = clients.CreateClient(ClientName);
        try
        {
            var current = url;
            for (var hop = 0; ; hop++)
            {
                await CheckAddressAsync(current, limits, timeout.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (validators?.ETag is { } etag)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }
                if (validators?.LastModified is { } modified)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
                }
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    current = NextHop(current, response, hop, limits);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    logger.LogDebug("{Url} not modified", ForLog(current));
                    return new FetchedDocument(current, true, [], null, validators ?? new CacheValidators(null, null));
                }
                if (status >= 400)
                {
                    throw status >= 500
                        ? new FetchException(FetchFailure.UpstreamServerError, $"{current.Host} answered {status} {response.ReasonPhrase}: its server failed.")
                        : new FetchException(FetchFailure.UpstreamClientError, $"{current.Host} answered {status} {response.ReasonPhrase}: there is no page to read at this address.");
                }
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (mediaType is not null && SourceFormats.ByMediaType(mediaType) is null)
                {
                    throw new FetchException(FetchFailure.NoArticle, $"The address serves {mediaType}, not a page or a feed.");
                }
                var body = await ReadCappedAsync(response, limits.MaxBytes, timeout.Token);
                var fresh = new CacheValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
                logger.LogInformation("Fetched {Url}: {Status}, {Bytes} bytes of {MediaType}", ForLog(current), status, body.Length, mediaType);
                return new FetchedDocument(current, false, body, mediaType, fresh);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(FetchFailure.Timeout, $"{url.Host} did not answer within {limits.TimeoutSeconds:0.#} seconds.");
        }
        catch (Polly.Timeout.TimeoutRejectedException ex)
        {
            throw new FetchException(FetchFailure.Timeout, $"{url.Host} did not answer within {limits.TimeoutSeconds:0.#} seconds.", ex);
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchException refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(FetchFailure.Unreachable, $"{url.Host} could not be reached ({ex.HttpRequestError}).", ex);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            throw new FetchException(FetchFailure.Unreachable, $"{url.Host} failed repeatedly; it is rested for a while before the next try.", ex);
        }
    }

    /// <summary>
    /// An address as the logs show it: without query string or user info, which for private
    /// feeds often carry an access token.
    /// </summary>
    public static string ForLog(Uri url) => $"{url.Scheme}://{url.Authority}{url.AbsolutePath}";

    /// <summary>Refuses an address in a private range before any request is sent.</summary>
    private static async Task CheckAddressAsync(Uri url, FetchOptions limits, CancellationToken cancellationToken)
    {
        if (limits.AllowPrivateNetworks)
        {
            return;
        }
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)
                ? [literal]
                : await System.Net.Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new FetchException(FetchFailure.Unreachable, $"{url.Host} has no address ({ex.SocketErrorCode}).", ex);
        }
        RefusePrivate(url.Host, addresses);
    }

    /// <summary>Throws when any of the host's addresses is not a public one.</summary>
    internal static void RefusePrivate(string host, IEnumerable<IPAddress> addresses)
    {
        foreach (var address in addresses)
        {
            if (AddressGuard.Refusal(address) is { } reason)
            {
                throw new FetchException(FetchFailure.Refused,
                    $"{host} resolves to {reason} ({address}); NewsReader does not fetch from private networks.");
            }
        }
    }

    private static Uri NextHop(Uri current, HttpResponseMessage response, int hop, FetchOptions limits)
    {
        if (hop >= limits.MaxRedirects)
        {
            throw new FetchException(FetchFailure.TooManyRedirects, $"More than {limits.MaxRedirects} redirects; the last was from {current}.");
        }
        if (response.Headers.Location is not { } location)
        {
            throw new FetchException(FetchFailure.Unreachable, $"{current.Host} redirected without saying where to.");
        }
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException(FetchFailure.Refused, $"{current.Host} redirected to a {next.Scheme}: address; only http and https are followed.");
        }
        return next;
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var tooLarge = $"The answer is larger than the {maxBytes / (1024 * 1024.0):0.#} MB limit.";
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FetchException(FetchFailure.TooLarge, tooLarge);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await BoundedRead.ReadAtMostAsync(stream, maxBytes, cancellationToken) ?? throw new FetchException(FetchFailure.TooLarge, tooLarge);
    }
}
