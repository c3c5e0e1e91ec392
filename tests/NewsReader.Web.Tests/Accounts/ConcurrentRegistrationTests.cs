using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Accounts;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

/// <summary>Accounts registered at the same moment all get in, each with a default name of its own.</summary>
public sealed class ConcurrentRegistrationTests
{
    [Fact]
    public async Task Simultaneous_registrations_all_succeed_with_distinct_default_names()
    {
        await using var app = new NewsReaderAppFactory(withSeed: false);
        app.Settings[NewsReader.Web.Security.RateLimits.PermitLimitKey] = "1000";
        var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            client.PostAsJsonAsync("/api/auth/register", new { email = $"at-once-{i}@example.org", password = TestUsers.Password })));

        foreach (var answer in answers)
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }
        await using var scope = app.Services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.Select(u => u.DisplayName).ToListAsync();
        Assert.Equal(16, names.Count);
        Assert.Equal(16, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
