using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountTests(BrowserFixture browser)
{
    [Fact]
    public async Task Register_log_in_see_your_name_and_log_out()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create account" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByLabel("Repeat the password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // On to the log-in page, the address filled in and the password field focused.
        await Assertions.Expect(page.GetByTestId("registered")).ToContainTextAsync(email);
        await Assertions.Expect(page.GetByLabel("E-mail")).ToHaveValueAsync(email);
        await Assertions.Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(TestUsers.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveAttributeAsync("title", email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveAttributeAsync("title", email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_account_with_two_factor_sign_in_logs_in_with_the_code_from_its_app()
    {
        var email = $"twofactor-{Guid.NewGuid():N}@example.org";
        var api = await ApiUsers.RegisterAsync(browser.App, email);
        var key = (await (await api.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        (await api.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key) })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This account uses two-factor sign-in")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Code")).ToBeFocusedAsync();
        await page.GetByLabel("Code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveAttributeAsync("title", email);
        await page.Context.CloseAsync();
    }
}
