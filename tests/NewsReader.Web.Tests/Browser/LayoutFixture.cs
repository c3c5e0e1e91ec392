using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Browser;

/// <summary>
/// One app with a library a person would have after a few weeks (several articles, one revised,
/// highlights with notes and tags from two readers, a feed, API tokens), one browser, and the
/// administrator's signed-in cookies: the layout check visits every page with them.
/// </summary>
public sealed class LayoutFixture : IAsyncLifetime
{
    public const string DisplayName = "Ada Lovelace";
    public const string RevisedSlug = "harbour-authority-approves-the-long-delayed-breakwater";

    private IPlaywright? playwright;
    private FixtureWebServer? site;

    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The administrator's cookies, for contexts at every size.</summary>
    public string StorageState { get; private set; } = "";

    public string Email { get; } = $"ada-{Guid.NewGuid():N}@example.org";

    public async Task InitializeAsync()
    {
        WriteSeeds(App.SeedsFolder);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        // A second revision of one article, for the revisions page.
        File.WriteAllText(Path.Combine(App.SeedsFolder, "harbour.md"), HarbourStory("The council voted seven to two on Tuesday evening after a debate of four hours."));
        await App.IngestAsync();

        await SeedReadersAsync();
        await SeedFeedAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(DisplayName);
        StorageState = await context.StorageStateAsync();
        await context.CloseAsync();
    }

    private static void WriteSeeds(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "harbour.md"), HarbourStory("The council voted on Tuesday evening."));
        File.WriteAllText(Path.Combine(folder, "rail.txt"), WebFixtures.TextStory("Regional rail operators agree on one ticket for the whole northern network from next spring"));
        File.WriteAllText(Path.Combine(folder, "library.md"), """
            ---
            title: "Internationalisation of municipal library catalogues: a decade-long reorganisation"
            source: https://www.example-public-libraries-association.org/news/2026/internationalisation-of-municipal-library-catalogues
            ---
            The catalogue now lists titles in eleven languages, and the counter-intuitively named "unclassifiable" shelf is gone.

            Librarians said the work took ten years because every record was checked by hand against the printed cards.

            Readers can search the whole collection from home at https://catalogue.example-public-libraries-association.org/search?collection=all&language=any.
            """);
    }

    private static string HarbourStory(string vote) => $"""
        ---
        title: Harbour authority approves the long-delayed breakwater
        ---
        After nine years of studies the harbour authority approved the new breakwater. {vote}

        Fishing crews said the winter storms had damaged the old wall three times since 2020.

        Work will begin in March and should last two summers, according to the port engineer.
        """;

    private async Task SeedReadersAsync()
    {
        var ada = await ApiUsers.RegisterAsync(App, Email);
        var ben = await ApiUsers.RegisterAsync(App, $"ben-{Guid.NewGuid():N}@example.org");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<NewsReaderUserManager>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Administrator))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Administrator));
            }
            var user = await users.FindByEmailAsync(Email) ?? throw new InvalidOperationException(Email);
            Succeeded(await users.SetDisplayNameAsync(user, DisplayName));
            if (!await users.IsInRoleAsync(user, Roles.Administrator))
            {
                Succeeded(await users.AddToRoleAsync(user, Roles.Administrator));
            }
            var tokens = scope.ServiceProvider.GetRequiredService<NewsReader.Web.Tokens.ApiTokenService>();
            await tokens.CreateAsync(user.Id, "Nightly backup script on the home server", null, true);
            await tokens.CreateAsync(user.Id, "Zotero sync", DateTime.UtcNow.AddDays(90), false);
        }
        await new AnnotationBuilder().Quote("Rose Garden").Note("The **most significant** upgrade since the alliance began, *they say*.")
            .Tag("alliance").Tag("international-relations").Color("green").Public().CreateAsync(ada);
        await new AnnotationBuilder().Quote("global security partnership").Note("Compare with the 2015 guidelines: https://www.example.org/documents/defence-cooperation-guidelines-2015.pdf")
            .Tag("defence").Color("yellow").CreateAsync(ada);
        await new AnnotationBuilder().Quote("Japanese astronauts will participate").Tag("space").Color("blue").CreateAsync(ada);
        await new AnnotationBuilder().Quote("closer relationships").Color("pink").CreateAsync(ada);
        await new AnnotationBuilder().Quote("White House").Note("Ben's reading: the venue matters.").Public().CreateAsync(ben);
        // Ada's own tags on the article, a long one among them, for the list row and the reader's heading.
        (await ada.PutAsJsonAsync($"/api/articles/{AnnotationBuilder.SeedSlug}/tags",
            new { tags = new[] { "japan", "alliances", "to-read-again-with-the-reading-group-on-thursday-evening" } })).EnsureSuccessStatusCode();
    }

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    private async Task SeedFeedAsync()
    {
        site = await FixtureWebServer.StartAsync();
        site.Serve("/news/feeds/all-categories-with-a-rather-long-address.xml", "application/rss+xml", FeedFixtures.Rss(
            "Quay Courier: harbour, fisheries and the coastal towns", site.Url("/"),
            new FeedFixtures.Item("quay-1", "Fish market moves to the east quay", site.Url("/fish"), FullHtml: FeedFixtures.FullBody("The fish market moved to the east quay."))));
        await using var scope = App.Services.CreateAsyncScope();
        var administrator = await scope.ServiceProvider.GetRequiredService<NewsReaderUserManager>().FindByEmailAsync(Email) ?? throw new InvalidOperationException(Email);
        await scope.ServiceProvider.GetRequiredService<NewsReader.Web.Feeds.FeedService>()
            .SubscribeAsync(administrator.Id, site.Url("/news/feeds/all-categories-with-a-rather-long-address.xml"));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (site is not null)
        {
            await site.DisposeAsync();
        }
        await App.DisposeAsync();
    }
}
