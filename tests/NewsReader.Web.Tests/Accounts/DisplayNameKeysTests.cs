using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Accounts;

/// <summary>
/// Stored display-name keys made by an older folding table: made again at start-up, so a
/// look-alike let in by the old table is caught and no new one gets in.
/// </summary>
public sealed class DisplayNameKeysTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;
    private HttpClient bob = null!;
    private HttpClient carol = null!;

    public async Task InitializeAsync()
    {
        ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
        carol = await ApiUsers.RegisterAsync(app, "carol@example.org");
        (await ada.PutAsJsonAsync("/api/account", new { displayName = "Editor" })).EnsureSuccessStatusCode();
        (await carol.PutAsJsonAsync("/api/account", new { displayName = "Carol" })).EnsureSuccessStatusCode();
        // As an older table that knew no Cyrillic would have let them be: bob took "Еditor" (a
        // Cyrillic Е), keyed as it was; carol's key is one the current folding does not make.
        await Users(set => set.Where(u => u.Email == "bob@example.org"),
            set => set.SetProperty(u => u.DisplayName, "\u0415ditor").SetProperty(u => u.NormalizedDisplayName, "\u0415DITOR"));
        await Users(set => set.Where(u => u.Email == "carol@example.org"),
            set => set.SetProperty(u => u.NormalizedDisplayName, "carol (old key)"));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Keys_are_made_again_the_older_account_keeps_a_name_two_now_share_and_no_look_alike_gets_in()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();

        var changed = await DisplayNameKeys.RefreshAsync(db, NullLogger.Instance, CancellationToken.None);
        var again = await DisplayNameKeys.RefreshAsync(db, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(2, changed);
        Assert.Equal(0, again);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!);
        Assert.Equal(("Editor", "EDITOR"), (users["ada@example.org"].DisplayName, users["ada@example.org"].NormalizedDisplayName));
        var renamed = users["bob@example.org"];
        Assert.StartsWith(DisplayNames.DefaultPrefix, renamed.DisplayName, StringComparison.Ordinal);
        Assert.Equal(DisplayNames.Normalize(renamed.DisplayName), renamed.NormalizedDisplayName);
        Assert.Equal("CAROL", users["carol@example.org"].NormalizedDisplayName);
        Assert.Equal(users.Count, users.Values.Select(u => u.NormalizedDisplayName).Distinct().Count());
        // The key is current again: a Greek look-alike of Carol is refused, and so is bob's old name.
        Assert.Equal(HttpStatusCode.Conflict, (await bob.PutAsJsonAsync("/api/account", new { displayName = "C\u03B1rol" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bob.PutAsJsonAsync("/api/account", new { displayName = "\u0415ditor" })).StatusCode);
    }

    private async Task Users(
        Func<IQueryable<AppUser>, IQueryable<AppUser>> which,
        Func<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AppUser>, Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<AppUser>> set)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        Assert.Equal(1, await which(db.Users).ExecuteUpdateAsync(s => set(s)));
    }
}
