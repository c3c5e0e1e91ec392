using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

/// <summary>Display names: chosen at registration, unique ignoring case, changed in settings or through `/api/account`.</summary>
public sealed class DisplayNameTests(ManyReadersAppFactory app) : IClassFixture<ManyReadersAppFactory>
{
    private static string Unique(string name) => $"{name}{Guid.NewGuid():N}"[..(name.Length + 8)];

    private async Task<HttpClient> RegisterAsync(string email, string? displayName)
    {
        var client = app.CreateClient();
        var response = await Forms.RegisterAsync(client, email, displayName: displayName);
        response.EnsureSuccessStatusCode();
        return client;
    }

    private async Task<AppUser> UserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_name_chosen_at_registration_is_the_accounts_and_a_second_reader_cannot_take_it_in_another_case()
    {
        var name = Unique("Ada");
        await RegisterAsync($"{name}@example.org", $"  {name} ");
        Assert.Equal(name, (await UserAsync($"{name}@example.org")).DisplayName);

        var refused = await Forms.SubmitAsync(app.CreateClient(), "/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = $"other-{name}@example.org",
            ["Input.DisplayName"] = name.ToUpperInvariant(),
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });
        var page = await HtmlDocument.ParseAsync(refused);
        Assert.Contains("already called", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Null(await UserAsync($"other-{name}@example.org"));
    }

    [Fact]
    public async Task An_account_without_a_name_is_reader_n_never_its_e_mail()
    {
        var local = Unique("grace");
        await RegisterAsync($"{local}@example.org", null);
        var api = await ApiUsers.RegisterAsync(app, $"{Unique("api")}@example.org");

        var user = await UserAsync($"{local}@example.org");
        Assert.Matches("^reader-[0-9]+$", user.DisplayName);
        var account = await api.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Matches("^reader-[0-9]+$", account.GetProperty("displayName").GetString());
        Assert.NotEqual(user.DisplayName, account.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("\u0415ditor")]
    [InlineData("Ed\u0456tor")]
    [InlineData("Edi\u034Ftor")]
    [InlineData("\uFF25ditor")]
    public async Task A_look_alike_of_a_taken_name_is_taken_too(string lookAlike)
    {
        var suffix = Unique("x")[1..].ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        var owner = $"owner{suffix}@example.org";
        await RegisterAsync(owner, "Editor " + suffix);
        var email = $"{Unique("mimic")}@example.org";
        var api = await ApiUsers.RegisterAsync(app, email);
        var before = (await UserAsync(email)).DisplayName;

        var copied = await api.PutAsJsonAsync("/api/account", new { displayName = lookAlike + " " + suffix });

        Assert.Equal(HttpStatusCode.Conflict, copied.StatusCode);
        Assert.Equal(before, (await UserAsync(email)).DisplayName);
    }

    [Fact]
    public async Task The_api_reads_and_changes_the_name_with_problems_for_bad_and_taken_names()
    {
        var email = $"{Unique("api")}@example.org";
        var api = await ApiUsers.RegisterAsync(app, email);
        var taken = Unique("Taken");
        await RegisterAsync($"{taken}@example.org", taken);

        var name = Unique("Lin");
        var changed = await api.PutAsJsonAsync("/api/account", new { displayName = name });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, body.GetProperty("displayName").GetString());
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal(name, (await api.GetFromJsonAsync<JsonElement>("/api/account")).GetProperty("displayName").GetString());

        var conflict = await api.PutAsJsonAsync("/api/account", new { displayName = taken.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);

        var address = await api.PutAsJsonAsync("/api/account", new { displayName = email });
        Assert.Equal(HttpStatusCode.BadRequest, address.StatusCode);
        Assert.Contains("e-mail", (await address.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var missing = await api.PutAsJsonAsync("/api/account", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(name, (await UserAsync(email)).DisplayName);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task Settings_change_the_name_and_a_refused_one_comes_back_after_the_redirect()
    {
        var email = $"{Unique("set")}@example.org";
        var reader = await RegisterAsync(email, null);
        var taken = Unique("Taken");
        await RegisterAsync($"{taken}@example.org", taken);

        var name = Unique("Mira");
        var saved = await Forms.SubmitAsync(reader, "/settings", new Dictionary<string, string> { ["displayName"] = name }, "form[action*='DisplayName']");
        Assert.Equal("/settings", saved.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains(name, (await HtmlDocument.ParseAsync(saved)).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(name, (await UserAsync(email)).DisplayName);

        var refused = await Forms.SubmitAsync(reader, "/settings", new Dictionary<string, string> { ["displayName"] = taken.ToUpperInvariant() }, "form[action*='DisplayName']");
        Assert.Equal("/settings", refused.RequestMessage!.RequestUri!.PathAndQuery);
        var page = await HtmlDocument.ParseAsync(refused);
        Assert.Contains("already called", page.QuerySelector(".form-errors")!.TextContent);
        Assert.Equal(taken.ToUpperInvariant(), ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#display-name")!).Value);
        Assert.Equal(name, (await UserAsync(email)).DisplayName);
    }

    [Fact]
    public async Task The_w3c_creator_carries_the_display_name()
    {
        var api = await ApiUsers.RegisterAsync(app, $"{Unique("w3c")}@example.org");
        var name = Unique("Noor");
        (await api.PutAsJsonAsync("/api/account", new { displayName = name })).EnsureSuccessStatusCode();

        var created = await new AnnotationBuilder().Quote("Rose Garden").Public().CreateAsync(api);
        Assert.Equal(name, created.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("Person", created.GetProperty("creator").GetProperty("type").GetString());
        var listed = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        var items = listed.GetProperty("first").GetProperty("items").EnumerateArray();
        Assert.Contains(items, item => item.GetProperty("creator").GetProperty("name").GetString() == name);
        Assert.DoesNotContain("@example.org", listed.GetRawText());
    }

    [Fact]
    public async Task Readers_registering_at_the_same_moment_each_get_an_account_and_a_name_of_their_own_never_a_500()
    {
        var emails = Enumerable.Range(0, 24).Select(i => $"{Unique("crowd")}-{i}@example.org").ToList();
        var answers = await Task.WhenAll(emails.Select(email =>
            app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = TestUsers.Password })));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var names = await Task.WhenAll(emails.Select(async email => (await UserAsync(email)).DisplayName));
        Assert.Equal(emails.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // The same new address twice at once: one account, and the same answer to both.
        var twice = $"{Unique("twice")}@example.org";
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = twice, password = TestUsers.Password })));
        Assert.All(both, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.NotNull(await UserAsync(twice));
    }
}
