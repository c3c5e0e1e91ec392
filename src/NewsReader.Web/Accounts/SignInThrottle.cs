using System.Collections.Concurrent;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Slows password and code guessing without locking the owner out. Failures are counted per
/// account and client address: after <see cref="FreeFailures"/> the next attempt from that
/// address must wait 1 s, then 2, 4, ... up to <see cref="MaxWait"/>, and attempts inside the
/// wait fail unchecked. Someone guessing from elsewhere slows only themselves, so the owner can
/// always log in from their own address. Failures since the account's last log-in are also
/// counted for the owner's notice. Unknown accounts are throttled the same way, so the answers
/// say nothing about which accounts exist. Kept in memory: a restart forgets it.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Account, string Address), (int Failures, DateTimeOffset Last)> attempts = new();
    private readonly ConcurrentDictionary<string, int> sinceLastLogIn = new(StringComparer.Ordinal);

    /// <summary>Whether this address must still wait before its next try on this account.</summary>
    public bool MustWait(string account, string address)
    {
        if (!attempts.TryGetValue((account, address), out var seen) || seen.Failures < FreeFailures)
        {
            return false;
        }
        return clock.GetUtcNow() - seen.Last < Wait(seen.Failures);
    }

    public void Failed(string account, string address)
    {
        attempts.AddOrUpdate((account, address), _ => (1, clock.GetUtcNow()), (_, seen) => (seen.Failures + 1, clock.GetUtcNow()));
        sinceLastLogIn.AddOrUpdate(account, 1, (_, n) => n + 1);
    }

    /// <summary>A successful log-in: this address starts afresh; returns the failures since the previous log-in, for the notice.</summary>
    public int Succeeded(string account, string address)
    {
        attempts.TryRemove((account, address), out _);
        return sinceLastLogIn.TryRemove(account, out var failures) ? failures : 0;
    }

    /// <summary>The wait after <paramref name="failures"/> failures: 1 s after the fifth, doubling, at most <see cref="MaxWait"/>.</summary>
    public static TimeSpan Wait(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, Math.Min(failures - FreeFailures, 16))));
}
