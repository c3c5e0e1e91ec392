using System.Net;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Hosting;

/// <summary>
/// A hostile `Host` header builds no URL (issue 24, finding 9): the log-in redirect and the
/// bookmarklet come from <see cref="PublicUrls"/>, here `NewsReader:PublicBaseUrl`.
/// </summary>
public sealed class PublicUrlsTests : IAsyncLifetime
{
    private const string PublicBase = "https://news.example.org";
    private readonly NewsReaderAppFactory app = new(withSeed: false);

    public PublicUrlsTests() => app.Settings[PublicUrls.PublicBaseUrlKey] = PublicBase;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static HttpRequestMessage FromEvil(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";
        return request;
    }

    [Theory]
    [InlineData("/settings")]
    [InlineData("/settings/tokens")]
    [InlineData("/admin/ingest")]
    public async Task The_log_in_redirect_goes_to_the_public_address_whatever_the_host_header(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SendAsync(FromEvil(path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.DoesNotContain("evil.example", location);
        Assert.StartsWith(PublicBase + "/account/login?ReturnUrl=", location);
    }

    [Fact]
    public async Task The_bookmarklet_names_the_public_address_whatever_the_host_header()
    {
        var client = app.CreateClient();
        await Forms.RegisterAsync(client, "ada@example.org");

        var response = await client.SendAsync(FromEvil("/settings"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = (await HtmlDocument.ParseAsync(response)).QuerySelector("[data-testid=bookmarklet]")!.GetAttribute("href")!;
        Assert.Equal($"javascript:location.href='{PublicBase}/?save='+encodeURIComponent(location.href)", link);
    }
}
