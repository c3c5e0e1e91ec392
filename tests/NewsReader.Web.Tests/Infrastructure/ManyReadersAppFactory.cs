namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// One app shared by a test class whose tests each register several readers: the log-in and
/// registration rate limit (tested on its own in RateLimitTests) is raised so it never decides.
/// </summary>
public sealed class ManyReadersAppFactory : NewsReaderAppFactory
{
    public ManyReadersAppFactory()
    {
        Settings[NewsReader.Web.Security.RateLimits.PermitLimitKey] = "1000";
    }
}
