using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library;

/// <summary>
/// A <see cref="FetchAppFixture"/> (an app that may fetch from a local fixture site) for a class
/// whose tests each register several readers, so the registration rate limit never decides.
/// </summary>
public sealed class ManyReadersFetchFixture : IAsyncLifetime
{
    private readonly FetchAppFixture inner = FetchAppFixture.With(true, (NewsReader.Web.Security.RateLimits.PermitLimitKey, "1000"));

    public NewsReaderAppFactory App => inner.App;

    public FixtureWebServer Site => inner.Site;

    public Task InitializeAsync() => inner.InitializeAsync();

    public Task DisposeAsync() => inner.DisposeAsync();
}
