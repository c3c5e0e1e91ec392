using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real 127.0.0.1 socket and one headless Debian Chromium shared by the browser
/// tests (Playwright's own browser download cannot work on these machines).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: run ./test.sh, which installs it, or apt-get install -y chromium.");
        }
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context (own cookies) and page, with the app's address as base URL.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        // Two cores run the test classes in parallel: give navigation and assertions room.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// The test app served by Kestrel rather than the in-memory test server. Every browser test
/// registers and logs in from 127.0.0.1 against this one app, so the log-in rate limit (tested
/// on its own in RateLimitTests) is raised here: otherwise the tests' order decides who gets a 429.
/// Fetching may reach private networks, since the pages the browser tests save are served on 127.0.0.1.
/// </summary>
public sealed class KestrelAppFactory : NewsReaderAppFactory
{
    public KestrelAppFactory()
    {
        Settings[NewsReader.Web.Security.RateLimits.PermitLimitKey] = "1000";
        Settings[NewsReader.Web.Fetching.FetchOptions.AllowPrivateNetworksKey] = "true";
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
