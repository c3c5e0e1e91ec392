using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

public sealed class AccountPagesTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Register_log_out_and_log_in_through_the_pages()
    {
        var client = app.CreateClient();

        var registered = await Forms.RegisterAsync(client, "ada@example.org");
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal("ada@example.org", (await HtmlDocument.ParseAsync(registered)).QuerySelector("[data-testid=current-user]")?.GetAttribute("title"));

        var loggedOut = await Forms.SubmitAsync(client, "/", new Dictionary<string, string>(), "form[action='/account/logout']");
        Assert.Null((await HtmlDocument.ParseAsync(loggedOut)).QuerySelector("[data-testid=current-user]"));

        var loggedIn = await Forms.LoginAsync(client, "ada@example.org");
        Assert.Equal("ada@example.org", (await HtmlDocument.ParseAsync(loggedIn)).QuerySelector("[data-testid=current-user]")?.GetAttribute("title"));
    }

    [Fact]
    public async Task The_first_account_is_the_administrator_and_the_second_is_not()
    {
        await Forms.RegisterAsync(app.CreateClient(), "first@example.org");
        await Forms.RegisterAsync(app.CreateClient(), "second@example.org");

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("first@example.org"))!, Roles.Administrator));
        Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync("second@example.org"))!, Roles.Administrator));
    }

    [Fact]
    public async Task Only_the_administrator_can_rerun_ingestion()
    {
        var admin = app.CreateClient();
        await Forms.RegisterAsync(admin, "first@example.org");
        var reader = app.CreateClient();
        await Forms.RegisterAsync(reader, "second@example.org");

        var report = await Forms.SubmitAsync(admin, "/admin/ingest", new Dictionary<string, string>(), "main form.rerun-form");
        Assert.Contains("1 unchanged", (await HtmlDocument.ParseAsync(report)).QuerySelector("[role=status]")!.TextContent);

        var refused = await reader.GetAsync("/admin/ingest");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/ingest");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_weak_password_is_explained_on_the_page()
    {
        var weak = await HtmlDocument.ParseAsync(await Forms.RegisterAsync(app.CreateClient(), "weak@example.org", "password"));
        Assert.Contains("uppercase", weak.QuerySelector(".form-errors")!.TextContent);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_as_a_new_one_does_and_changes_nothing()
    {
        await Forms.RegisterAsync(app.CreateClient(), "owner@example.org");
        const string otherPassword = "Another-Horse-7";

        async Task<(string Path, string Notice, bool Errors)> RegisterAsync(string email)
        {
            var response = await Forms.SubmitAsync(app.CreateClient(), "/account/register", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = otherPassword,
                ["Input.ConfirmPassword"] = otherPassword,
            });
            var page = await HtmlDocument.ParseAsync(response);
            return (response.RequestMessage!.RequestUri!.AbsolutePath,
                page.QuerySelector("[data-testid=registered]")?.TextContent.Replace(email, "<address>") ?? "",
                page.QuerySelector(".form-errors li") is not null);
        }

        var taken = await RegisterAsync("owner@example.org");
        var fresh = await RegisterAsync("newcomer@example.org");

        Assert.Equal(fresh, taken);
        Assert.Equal("/account/login", taken.Path);
        Assert.False(taken.Errors);
        Assert.Contains("is ready", taken.Notice);
        // The owner's account is untouched: their password still works, the attempt's does not.
        Assert.NotNull((await HtmlDocument.ParseAsync(await Forms.LoginAsync(app.CreateClient(), "owner@example.org")))
            .QuerySelector("[data-testid=current-user]"));
        Assert.Null((await HtmlDocument.ParseAsync(await Forms.LoginAsync(app.CreateClient(), "owner@example.org", otherPassword)))
            .QuerySelector("[data-testid=current-user]"));
    }

    [Fact]
    public async Task Change_password_then_log_in_with_the_new_one()
    {
        var client = app.CreateClient();
        await Forms.RegisterAsync(client, "changer@example.org");

        var changed = await Forms.SubmitAsync(client, "/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = "Another-Secret-7",
        });
        Assert.Contains("has been changed", await changed.Content.ReadAsStringAsync());

        var fresh = app.CreateClient();
        var old = await HtmlDocument.ParseAsync(await Forms.LoginAsync(fresh, "changer@example.org"));
        Assert.Null(old.QuerySelector("[data-testid=current-user]"));
        var loggedIn = await HtmlDocument.ParseAsync(await Forms.LoginAsync(fresh, "changer@example.org", "Another-Secret-7"));
        Assert.Equal("changer@example.org", loggedIn.QuerySelector("[data-testid=current-user]")?.GetAttribute("title"));
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_rejected_with_400()
    {
        var client = app.CreateClient();

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "x@example.org",
            ["Input.Password"] = TestUsers.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", (await HtmlDocument.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_account_with_two_factor_sign_in_logs_in_with_its_code_and_a_wrong_code_is_explained()
    {
        var api = await ApiUsers.RegisterAsync(app, "twofactor@example.org");
        var key = (await (await api.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("sharedKey").GetString()!;
        var enabled = await api.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var browser = app.CreateClient(new() { AllowAutoRedirect = false });

        var asked = await HtmlDocument.ParseAsync(await Forms.LoginAsync(browser, "twofactor@example.org"));
        Assert.Contains("two-factor sign-in", asked.QuerySelector("main")!.TextContent);
        var wrong = await HtmlDocument.ParseAsync(await PostCodeAsync(browser, asked, "000000" == Totp.Code(key) ? "111111" : "000000"));
        Assert.Contains("That code is not right", wrong.QuerySelector("[role=alert]")!.TextContent);
        var right = await PostCodeAsync(browser, wrong, Totp.Code(key));

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var home = await HtmlDocument.GetAsync(browser, "/");
        Assert.Equal("twofactor@example.org", home.QuerySelector("[data-testid=current-user]")!.GetAttribute("title"));
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, AngleSharp.Dom.IDocument page, string code)
    {
        var form = page.QuerySelector("form[action*='handler=Code']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Code"] = code;
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    // Pages are compressed over HTTPS too. That is safe from BREACH only because the token
    // in a page is sealed afresh for every response, so no byte string repeats to guess at.
    [Fact]
    public async Task The_antiforgery_token_in_a_page_differs_on_every_response()
    {
        var client = app.CreateClient();
        var tokens = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var page = await HtmlDocument.GetAsync(client, "/account/login");
            tokens.Add(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }

        Assert.Equal(3, tokens.Count);
    }
}

public sealed class ClosedRegistrationTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();

    public Task InitializeAsync()
    {
        app.Settings[AccountsSetup.AllowRegistrationKey] = "false";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_form_says_registration_is_closed_and_the_api_refuses()
    {
        var client = app.CreateClient();

        var page = await HtmlDocument.GetAsync(client, "/account/register");
        Assert.Contains("Registration is closed", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));

        var api = await client.PostAsJsonAsync("/api/auth/register", new { email = "x@example.org", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }
}
