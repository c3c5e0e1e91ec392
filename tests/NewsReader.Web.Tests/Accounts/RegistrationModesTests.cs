using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

/// <summary>`NewsReader:Registration` = `invite` (issue 24, finding 8): single-use links an administrator makes, each for one address.</summary>
public sealed class InviteRegistrationTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new(withSeed: false);
    private HttpClient admin = null!;

    public InviteRegistrationTests() => app.Settings[Registration.Key] = "invite";

    public async Task InitializeAsync()
    {
        // The very first account needs no invitation: it is the administrator who makes them.
        admin = app.CreateClient();
        (await Forms.RegisterAsync(admin, "admin@example.org")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<int> AccountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsReaderDb>().Users.CountAsync();
    }

    [Fact]
    public async Task Without_an_invitation_neither_the_api_nor_the_page_makes_an_account()
    {
        var api = await app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "eve@example.org", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("invitation", await api.Content.ReadAsStringAsync());

        var visitor = app.CreateClient();
        var page = await HtmlDocument.GetAsync(visitor, "/account/register");
        Assert.Contains("by invitation", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));
        // The form posted anyway, with a valid antiforgery token taken from the log-in page.
        var login = await HtmlDocument.GetAsync(visitor, "/account/login");
        var token = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await visitor.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "eve@example.org",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(1, await AccountsAsync());
    }

    [Fact]
    public async Task An_invitation_makes_one_account_for_its_address_once()
    {
        var made = await Forms.SubmitAsync(admin, "/admin/invitations", new Dictionary<string, string> { ["Email"] = "bob@example.org" });
        var link = (await HtmlDocument.ParseAsync(made)).QuerySelector("[data-testid=invitation-link]")!.TextContent.Trim();
        Assert.StartsWith("http://localhost/account/register?invitation=", link);
        var path = new Uri(link).PathAndQuery;

        var bob = app.CreateClient();
        var registered = await Forms.SubmitAsync(bob, path, new Dictionary<string, string>
        {
            ["Input.Email"] = "someone-else@example.org",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });
        Assert.Equal("/account/login", registered.RequestMessage!.RequestUri!.AbsolutePath);
        var loggedIn = await Forms.LoginAsync(bob, "bob@example.org");
        Assert.Equal("bob@example.org", (await HtmlDocument.ParseAsync(loggedIn)).QuerySelector("[data-testid=current-user]")?.GetAttribute("title"));
        Assert.Equal(2, await AccountsAsync());

        var again = await HtmlDocument.GetAsync(app.CreateClient(), path);
        Assert.Contains("by invitation", again.QuerySelector("main")!.TextContent);
        Assert.Null(again.QuerySelector("main form"));
        Assert.Equal(2, await AccountsAsync());
        var list = await HtmlDocument.GetAsync(admin, "/admin/invitations");
        Assert.Contains("used", Assert.Single(list.QuerySelectorAll("[data-testid=invitation-row]")).TextContent);
    }

    [Fact]
    public async Task An_address_with_an_account_gets_no_invitation_and_readers_cannot_make_any()
    {
        var refused = await Forms.SubmitAsync(admin, "/admin/invitations", new Dictionary<string, string> { ["Email"] = "admin@example.org" });
        var page = await HtmlDocument.ParseAsync(refused);
        Assert.Null(page.QuerySelector("[data-testid=invitation-link]"));
        Assert.Contains("already has an account", page.QuerySelector("main")!.TextContent);

        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/invitations");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}

/// <summary>The older `NewsReader:AllowRegistration` = false still closes registration, and `closed` does the same.</summary>
public sealed class RegistrationModeSettingTests
{
    [Theory]
    [InlineData(null, null, RegistrationMode.Open)]
    [InlineData(null, "false", RegistrationMode.Closed)]
    [InlineData(null, "true", RegistrationMode.Open)]
    [InlineData("invite", null, RegistrationMode.Invite)]
    [InlineData("Closed", "true", RegistrationMode.Closed)]
    [InlineData("open", "false", RegistrationMode.Open)]
    public void The_mode_comes_from_registration_else_allow_registration(string? registration, string? allow, RegistrationMode expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [Registration.Key] = registration, [AccountsSetup.AllowRegistrationKey] = allow })
            .Build();

        Assert.Equal(expected, Registration.Mode(configuration));
    }
}
