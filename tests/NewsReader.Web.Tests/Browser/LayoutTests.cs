using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Infrastructure;
using Screen = NewsReader.Web.Tests.Infrastructure.LayoutProbe.Screen;

namespace NewsReader.Web.Tests.Browser;

/// <summary>
/// The layout check (issue 22): every page, with a realistic library, at a phone (390x844, touch),
/// a tablet (768x1024) and a laptop (1280x800), light and dark. It asserts what a person would see
/// go wrong (see <see cref="LayoutProbe"/>) plus axe-core's serious and critical findings, and
/// writes every screen to TestResults/screens/ to be looked at. A failure names page, size, theme
/// and element; all of a run's failures are reported together.
/// </summary>
public sealed class LayoutTests(LayoutFixture fixture) : IClassFixture<LayoutFixture>
{
    private const string ReaderUrl = "/articles/" + AnnotationBuilder.SeedSlug;

    public static TheoryData<string, string> Screens() => new()
    {
        { "390x844", "light" }, { "390x844", "dark" },
        { "768x1024", "light" }, { "768x1024", "dark" },
        { "1280x800", "light" }, { "1280x800", "dark" },
    };

    private static Screen ScreenNamed(string name) => new[] { LayoutProbe.Phone, LayoutProbe.Tablet, LayoutProbe.Desktop }.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_page_looks_right(string size, string theme)
    {
        var screen = ScreenNamed(size);
        var problems = new List<string>();
        var headers = new List<(string Page, double Left, double Width)>();

        var signedIn = await NewContextAsync(screen, theme, fixture.StorageState);
        var page = await signedIn.NewPageAsync();
        var revised = await page.GotoAsync("/") is not null
            ? await page.GetByRole(AriaRole.Link, new() { Name = "Harbour authority approves the long-delayed breakwater" }).GetAttributeAsync("href")
            : null;
        var pages = new (string Name, string Url)[]
        {
            ("list", "/"),
            ("reader", ReaderUrl),
            ("original", ReaderUrl + "/original"),
            ("revisions", $"{revised}/revisions?from=1&to=2"),
            ("search", "/search?q=japan"),
            ("notebook", "/search"),
            ("tags", "/tags"),
            ("settings", "/settings"),
            ("password", "/account/password"),
            ("feeds", "/feeds"),
            ("ingestion", "/admin/ingest"),
            ("invitations", "/admin/invitations"),
            ("delete-article", ReaderUrl.Replace("/articles/", "/admin/articles/") + "/delete"),
            ("import", "/notebook/import"),
            ("library-import", "/settings/import"),
        };
        foreach (var (name, url) in pages)
        {
            await page.GotoAsync(url);
            await CheckAsync(page, name, screen, theme, problems, headers);
        }

        // Tokens with a new one just made: the secret is shown once, with its copy button.
        await page.GotoAsync("/settings/tokens");
        await page.GetByLabel("Name").FillAsync($"Laptop {size} {theme}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-secret")).ToBeVisibleAsync();
        await CheckAsync(page, "tokens", screen, theme, problems, headers);

        await CheckReaderAsync(page, screen, theme, problems);
        await signedIn.CloseAsync();

        var visitor = await NewContextAsync(screen, theme, null);
        page = await visitor.NewPageAsync();
        foreach (var (name, url) in new[] { ("log-in", "/account/login"), ("registration", "/account/register"), ("signed-out-reader", ReaderUrl), ("not-found", "/no/such/page"), ("error", "/status/500") })
        {
            await page.GotoAsync(url);
            await CheckAsync(page, name, screen, theme, problems, headers);
        }
        await visitor.CloseAsync();

        // The header is the same box on every page: it does not jump between the list and the reader.
        var list = headers[0];
        foreach (var (name, left, width) in headers.Where(h => Math.Abs(h.Left - list.Left) > 1 || Math.Abs(h.Width - list.Width) > 1))
        {
            problems.Add($"{name} at {size}, {theme}: the header is {Math.Round(width)} px wide from {Math.Round(left)}, the list's {Math.Round(list.Width)} px from {Math.Round(list.Left)}");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} layout problems:\n" + string.Join("\n", problems));
    }

    private async Task<IBrowserContext> NewContextAsync(Screen screen, string theme, string? storageState)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            ViewportSize = new() { Width = screen.Width, Height = screen.Height },
            IsMobile = screen.Touch,
            HasTouch = screen.Touch,
            DeviceScaleFactor = 1,
            ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            StorageState = storageState,
            BypassCSP = true, // axe injects its script; the app's own pages never need this
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static async Task CheckAsync(IPage page, string name, Screen screen, string theme, List<string> problems, List<(string, double, double)> headers)
    {
        var where = $"{name} at {screen}, {theme}";
        await ScreenshotAsync(page, $"{name}-{screen}-{theme}");
        problems.AddRange((await LayoutProbe.ProblemsAsync(page, screen)).Select(p => $"{where}: {p}"));
        problems.AddRange((await LayoutProbe.CoveredAsync(page)).Select(p => $"{where}, top of the page: {p}"));
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        problems.AddRange((await LayoutProbe.CoveredAsync(page)).Select(p => $"{where}, end of the page: {p}"));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        headers.Add((name, header!.X, header.Width));

        var axe = await page.RunAxe();
        problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: axe {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }

    /// <summary>The reader's own checks: the story starts high on a phone, and the toolbar and popover fit a finger.</summary>
    private static async Task CheckReaderAsync(IPage page, Screen screen, string theme, List<string> problems)
    {
        var where = $"reader at {screen}, {theme}";
        await page.GotoAsync(ReaderUrl);
        await page.EvaluateAsync("() => document.fonts.ready");
        if (screen.Touch)
        {
            var story = await page.Locator(".reader-body p").First.BoundingBoxAsync();
            if (story!.Y > screen.Height * 0.6)
            {
                problems.Add($"{where}: the story starts at {Math.Round(story.Y)} px, below the top 60% ({screen.Height * 0.6} px) of the first screen");
            }
        }
        var target = screen.Touch ? 44 : 24;

        await BrowserSession.SelectAsync(page, "Two leaders issued", "joint statement");
        var toolbar = page.Locator(".selection-toolbar");
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"reader-toolbar-{screen}-{theme}");
        problems.AddRange((await LayoutProbe.SmallerThanAsync(page, ".selection-toolbar button", target)).Select(p => $"{where}, selection toolbar: {p}"));
        await page.EvaluateAsync("() => window.getSelection().removeAllRanges()");
        await Assertions.Expect(toolbar).ToBeHiddenAsync();

        var mark = page.Locator(".reader-body mark.hl-green").First;
        if (screen.Touch)
        {
            await mark.TapAsync();
        }
        else
        {
            await mark.ClickAsync();
        }
        var popover = page.Locator(".annotation-popover");
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"reader-popover-{screen}-{theme}");
        problems.AddRange((await LayoutProbe.SmallerThanAsync(page, ".annotation-popover button", target)).Select(p => $"{where}, popover: {p}"));

        await popover.GetByRole(AriaRole.Button, new() { Name = "Edit note and tags" }).ClickAsync();
        var save = popover.GetByRole(AriaRole.Button, new() { Name = "Save changes" });
        await Assertions.Expect(save).ToBeVisibleAsync();
        await ScreenshotAsync(page, $"reader-popover-editor-{screen}-{theme}");
        if (!await IsOnScreenAsync(save))
        {
            problems.Add($"{where}, popover editor: Save is off the screen");
        }
        problems.AddRange((await LayoutProbe.SmallerThanAsync(page, ".annotation-popover button", target)).Select(p => $"{where}, popover editor: {p}"));
        var tags = await popover.GetByLabel("Tags, separated by commas").BoundingBoxAsync();
        var delete = await popover.GetByRole(AriaRole.Button, new() { Name = "Delete" }).BoundingBoxAsync();
        if (tags is not null && delete is not null && delete.Y < tags.Y + tags.Height + 48 && delete.Y + delete.Height > tags.Y - 48)
        {
            problems.Add($"{where}, popover editor: Delete sits beside the tags field");
        }
        await page.Keyboard.PressAsync("Escape");
    }

    private static Task<bool> IsOnScreenAsync(ILocator locator) => locator.EvaluateAsync<bool>(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; }");

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "screens");
        Directory.CreateDirectory(folder);
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = !name.StartsWith("reader-", StringComparison.Ordinal) });
    }
}
