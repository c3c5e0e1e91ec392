using System.Net;
using System.Net.Http.Json;
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
}
