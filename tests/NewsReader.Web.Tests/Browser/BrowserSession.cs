using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>Steps several browser tests share.</summary>
public static class BrowserSession
{
    /// <summary>A context on the app at this size (a phone's: mobile, touch), with a minute's patience for a loaded machine.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture browser, int width, int height, bool phone)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    /// <summary>Registers a fresh account through the form; the page is left signed in.</summary>
    public static async Task<string> SignUpAsync(IPage page)
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByLabel("Repeat the password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // Registration signs no one in (a taken address must look the same): log in as told.
        await Assertions.Expect(page.GetByTestId("registered")).ToContainTextAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveAttributeAsync("title", email);
        return email;
    }

    /// <summary>Registers a fresh account, makes it an administrator and signs in again so the cookie carries the role.</summary>
    public static async Task<string> SignUpAsAdministratorAsync(IPage page, NewsReaderAppFactory app)
    {
        var email = await SignUpAsync(page);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Administrator))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Administrator));
            }
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no account {email}");
            if (!await users.IsInRoleAsync(user, Roles.Administrator))
            {
                Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
            }
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveAttributeAsync("title", email);
        return email;
    }

    /// <summary>
    /// Selects the text from the start of one phrase to the end of another with the selection
    /// API, as a drag, long-press or Shift+arrows ends; the page hears only <c>selectionchange</c>.
    /// </summary>
    public static Task SelectAsync(IPage page, string from, string to) =>
        page.EvaluateAsync(@"([from, to]) => {
            const body = document.querySelector('.reader-body');
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            const find = (needle) => {
                walker.currentNode = body;
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.textContent.indexOf(needle);
                    if (at >= 0) return [node, at];
                }
                throw new Error('not in the article: ' + needle);
            };
            const [startNode, startAt] = find(from);
            const [endNode, endAt] = find(to);
            const range = document.createRange();
            range.setStart(startNode, startAt);
            range.setEnd(endNode, endAt + to.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }", new[] { from, to });
}
