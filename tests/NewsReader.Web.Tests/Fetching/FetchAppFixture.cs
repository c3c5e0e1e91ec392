using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Fetching;

/// <summary>
/// The app and, beside it, a fixture site on 127.0.0.1 to fetch from. By default fetching may
/// reach private networks (the site is on loopback) and the time limit is two seconds, so a
/// timeout test is quick. The first account, <see cref="Admin"/>, is the administrator.
/// </summary>
public sealed class FetchAppFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.org";

    /// <summary>The defaults, for IClassFixture.</summary>
    public FetchAppFixture() : this(allowPrivateNetworks: true)
    {
    }

    private FetchAppFixture(bool allowPrivateNetworks)
    {
        App.Settings[FetchOptions.AllowPrivateNetworksKey] = allowPrivateNetworks ? "true" : "false";
        App.Settings[FetchOptions.Section + ":TimeoutSeconds"] = "2";
    }

    /// <summary>An app with these settings over the defaults; the caller initialises and disposes it.</summary>
    public static FetchAppFixture With(bool allowPrivateNetworks = true, params (string Key, string Value)[] settings)
    {
        var fixture = new FetchAppFixture(allowPrivateNetworks);
        foreach (var (key, value) in settings)
        {
            fixture.App.Settings[key] = value;
        }
        return fixture;
    }

    public NewsReaderAppFactory App { get; } = new(withSeed: false);

    public FixtureWebServer Site { get; private set; } = null!;

    /// <summary>A bearer-token client of the first account, hence an administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await FixtureWebServer.StartAsync();
        Admin = await ApiUsers.RegisterAsync(App, AdminEmail);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await App.DisposeAsync();
    }
}
