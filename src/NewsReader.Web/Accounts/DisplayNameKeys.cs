using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Display names are unique by a stored key, <see cref="AppUser.NormalizedDisplayName"/>, made
/// by <see cref="DisplayNames.Normalize"/> when the name was set. When a new version folds more
/// look-alikes (a row added to <c>Confusables</c>), keys stored by the old one would let a
/// look-alike of an existing name in, and two stored names may now fold together. So at every
/// start-up, after the migrations, each account's key is made again and the changed ones are
/// written: no migration is needed, and an unchanged table costs one read of the names. Of
/// accounts whose names now fold together, the oldest keeps its name; the others are given a
/// default name ("reader-N", which they can change in their settings) and the log says so,
/// since leaving two readers who look alike is what the keys exist to prevent.
/// </summary>
public sealed class DisplayNameKeys(IServiceProvider services, ILogger<DisplayNameKeys> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await RefreshAsync(scope.ServiceProvider.GetRequiredService<NewsReaderDb>(), logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes every key again with today's folding; the number of accounts changed.</summary>
    public static async Task<int> RefreshAsync(NewsReaderDb db, ILogger logger, CancellationToken cancellationToken)
    {
        // In one order, so instances starting together on PostgreSQL lock the rows alike.
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new Account(u.Id, u.DisplayName, u.NormalizedDisplayName, u.CreatedAt))
            .ToListAsync(cancellationToken);
        var wanted = new Dictionary<string, (string Name, string Key)>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var clashing = new List<Account>();
        foreach (var group in accounts.GroupBy(a => DisplayNames.Normalize(a.Name), StringComparer.Ordinal))
        {
            var oldestFirst = group.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            wanted[oldestFirst[0].Id] = (oldestFirst[0].Name, group.Key);
            taken.Add(group.Key);
            clashing.AddRange(oldestFirst.Skip(1));
        }
        var number = accounts.Count;
        foreach (var account in clashing)
        {
            string name, key;
            do
            {
                name = DisplayNames.Default(++number);
                key = DisplayNames.Normalize(name);
            }
            while (!taken.Add(key));
            wanted[account.Id] = (name, key);
            logger.LogWarning("Display name {OldName} of account {UserId} now looks like an older account's: renamed {NewName}", account.Name, account.Id, name);
        }
        var changed = accounts.Where(a => wanted[a.Id] != (a.Name, a.Key)).ToList();
        if (changed.Count == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Through a key no name can have first: a new key may be another changed account's old one.
        foreach (var account in changed)
        {
            await db.Users.Where(u => u.Id == account.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.NormalizedDisplayName, "\u0001" + account.Id), cancellationToken);
        }
        foreach (var account in changed)
        {
            var (name, key) = wanted[account.Id];
            await db.Users.Where(u => u.Id == account.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, name).SetProperty(u => u.NormalizedDisplayName, key), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Display name keys made again with the current folding: {Changed} of {Accounts} accounts changed", changed.Count, accounts.Count);
        return changed.Count;
    }

    private sealed record Account(string Id, string Name, string Key, DateTime CreatedAt);
}
