using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Tokens;

/// <summary>A token as its owner sees it in the list: never the secret.</summary>
public sealed record ApiTokenInfo(int Id, string Name, string Hint, bool ReadOnly, DateTime Created, DateTime? Expires, DateTime? LastUsed)
{
    public bool IsExpired(DateTime now) => Expires is { } expires && expires <= now;
}

/// <summary>A token just made: the secret, shown once, and its entry in the list.</summary>
public sealed record NewApiToken(string Secret, ApiTokenInfo Info);

/// <summary>Who a valid token speaks for.</summary>
public sealed record TokenHolder(string UserId, int TokenId, bool ReadOnly);

/// <summary>
/// Makes, lists, checks and revokes personal API tokens. A token is <see cref="Prefix"/> and 32
/// random bytes in base64url; the database keeps its SHA-256 hash only, so a stolen database
/// yields no usable token. A hash of 256 random bits needs no salt or slow hash: it cannot be guessed.
/// </summary>
public sealed class ApiTokenService(NewsReaderDb db, TimeProvider clock)
{
    /// <summary>Every personal token starts so, which tells it apart from a log-in token at a glance.</summary>
    public const string Prefix = "nrt_";
    public const int MaxNameLength = 100;
    public const int MaxTokensPerUser = 50;

    // Writing "last used" on every request would make every read a write; a minute is precise enough.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Created).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenInfo(t.Id, t.Name, t.Hint, t.ReadOnly, t.Created, t.Expires, t.LastUsed))
            .ToListAsync(cancellationToken);

    /// <summary>Makes a token; the problem says in a sentence why it could not.</summary>
    public async Task<(NewApiToken? Token, string? Problem)> CreateAsync(string userId, string? name, DateTime? expires, bool readOnly,
        CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(name))
        {
            return (null, "Give the token a name, so you know later what uses it.");
        }
        if (name.Length > MaxNameLength)
        {
            return (null, $"The name is longer than {MaxNameLength} characters.");
        }
        if (expires is { } e && e <= now)
        {
            return (null, "The expiry date is in the past; choose a later one or none.");
        }
        if (await db.ApiTokens.CountAsync(t => t.UserId == userId, cancellationToken) >= MaxTokensPerUser)
        {
            return (null, $"You have {MaxTokensPerUser} tokens already; revoke some first.");
        }
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Hash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 6)],
            ReadOnly = readOnly,
            Created = now,
            Expires = expires,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (new NewApiToken(secret, new ApiTokenInfo(token.Id, token.Name, token.Hint, token.ReadOnly, token.Created, token.Expires, null)), null);
    }

    /// <summary>Deletes the caller's token; false when the caller has none with this id.</summary>
    public async Task<bool> RevokeAsync(string userId, int id, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The holder of a token that exists and has not expired, noting its use; null otherwise.</summary>
    public async Task<TokenHolder?> CheckAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }
        var hash = HashOf(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || token.Expires <= now)
        {
            return null;
        }
        if (token.LastUsed is not { } last || now - last >= LastUseResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsed, now), cancellationToken);
        }
        return new TokenHolder(token.UserId, token.Id, token.ReadOnly);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
