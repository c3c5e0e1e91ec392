using NewsReader.Web.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Fetching;

/// <summary>
/// The app allowed to fetch from private networks (the fixture server is on 127.0.0.1), with a
/// two-second time limit so a timeout test is quick, and the fixture site beside it.
/// </summary>
public sealed class FetchAppFixture : IAsyncLifetime
{
    public NewsReaderAppFactory App { get; } = new(withSeed: false);

    public FixtureWebServer Site { get; private set; } = null!;

    /// <summary>The first account registered, hence an administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.Settings[FetchOptions.AllowPrivateNetworksKey] = "true";
        App.Settings[FetchOptions.Section + ":TimeoutSeconds"] = "2";
        Site = await FixtureWebServer.StartAsync();
        Admin = await ApiUsers.RegisterAsync(App, "admin@example.org");
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await App.DisposeAsync();
    }
}
