using System.Net;
using System.Net.Http.Json;
using NewsReader.Web.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Fetching;

/// <summary>With `NewsReader:Fetch:AllowPrivateNetworks` left false, addresses on the server's own networks are refused.</summary>
public sealed class PrivateAddressTests : IAsyncLifetime
{
    private readonly FetchAppFixture fixture = FetchAppFixture.With(allowPrivateNetworks: false);
    private FixtureWebServer site = null!;
    private HttpClient reader = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        (site, reader) = (fixture.Site, fixture.Admin);
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task A_loopback_address_is_refused_with_the_reason_and_nothing_is_fetched()
    {
        site.Serve("/inside.txt", "text/plain", WebFixtures.TextStory("Internal memo"));
        var port = new Uri(site.BaseUrl).Port;

        foreach (var url in new[] { site.Url("/inside.txt"), $"http://localhost:{port}/inside.txt", $"http://[::1]:{port}/inside.txt" })
        {
            var response = await reader.PostAsJsonAsync("/api/articles", new { url });
            await SaveUrlTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "refused");
        }
        Assert.Empty(site.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.20.0.1", "a private address")]
    [InlineData("192.168.1.10", "a private address")]
    [InlineData("100.64.0.1", "a private (shared) address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00::1", "a private address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("93.184.216.34", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("2606:4700::1111", null)]
    public void Address_ranges(string address, string? refusal) =>
        Assert.Equal(refusal, AddressGuard.Refusal(IPAddress.Parse(address)));
}
