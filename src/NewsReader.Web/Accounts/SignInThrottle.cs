using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Slows password and code guessing without locking the owner out. Failures are counted per
/// account and client address: after <see cref="FreeFailures"/> the next attempt from that
/// address must wait 1 s, then 2, 4, ... up to <see cref="MaxWait"/>, and attempts inside the
/// wait fail unchecked. Someone guessing from elsewhere slows only themselves, so the owner can
/// always log in from their own address. Failures since the account's last log-in are also
/// counted for the owner's notice. Unknown accounts are throttled the same way, so the answers
/// say nothing about which accounts exist. Kept in the database, so the count holds across a
/// restart and across every instance that shares it; each failure is one atomic upsert, so
/// instances counting at once lose none.
/// </summary>
public sealed class SignInThrottle(NewsReaderDb db, TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    // Past this, an address's failures are forgotten: the wait it earned ended long before.
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    /// <summary>Whether this address must still wait before its next try on this account.</summary>
    public async Task<bool> MustWaitAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var seen = await db.SignInAttempts.AsNoTracking()
            .Where(a => a.Account == account && a.Address == address)
            .Select(a => new { a.Failures, a.LastFailedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return seen is not null && seen.Failures >= FreeFailures && clock.GetUtcNow().UtcDateTime - seen.LastFailedAt < Wait(seen.Failures);
    }

    public async Task FailedAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var forgotten = now - Forget;
        // The same upsert syntax on SQLite and PostgreSQL; every value bound.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SignInAttempts" ("Account", "Address", "Failures", "LastFailedAt") VALUES ({account}, {address}, 1, {now})
            ON CONFLICT ("Account", "Address") DO UPDATE SET "Failures" = "SignInAttempts"."Failures" + 1, "LastFailedAt" = excluded."LastFailedAt"
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SignInFailureCounts" ("Account", "Failures") VALUES ({account}, 1)
            ON CONFLICT ("Account") DO UPDATE SET "Failures" = "SignInFailureCounts"."Failures" + 1
            """, cancellationToken);
        await db.SignInAttempts.Where(a => a.LastFailedAt < forgotten).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A successful log-in: this address starts afresh; returns the failures since the previous log-in, for the notice.</summary>
    public async Task<int> SucceededAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        await db.SignInAttempts.Where(a => a.Account == account && a.Address == address).ExecuteDeleteAsync(cancellationToken);
        // Read and reset in one statement, so two instances never both report the same failures.
        var failures = await db.Database
            .SqlQuery<int>($"""DELETE FROM "SignInFailureCounts" WHERE "Account" = {account} RETURNING "Failures" AS "Value" """)
            .ToListAsync(cancellationToken);
        return failures.Sum();
    }

    /// <summary>The wait after <paramref name="failures"/> failures: 1 s after the fifth, doubling, at most <see cref="MaxWait"/>.</summary>
    public static TimeSpan Wait(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, Math.Min(failures - FreeFailures, 16))));
}
