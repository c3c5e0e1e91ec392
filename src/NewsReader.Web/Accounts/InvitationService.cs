using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Accounts;

/// <summary>Makes, lists, revokes and spends <see cref="Invitation"/>s.</summary>
public sealed class InvitationService(NewsReaderDb db, TimeProvider clock, PublicUrls urls)
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new invitation for <paramref name="email"/> and the link to send, shown once.</summary>
    public async Task<(Invitation Invitation, string Link)> CreateAsync(string createdById, string email, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var invitation = new Invitation
        {
            Hash = Tokens.ApiTokenService.HashOf(secret),
            Email = email.Trim(),
            CreatedById = createdById,
            CreatedAt = Now,
            ExpiresAt = Now + Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return (invitation, urls.Absolute("/account/register?invitation=" + secret));
    }

    public Task<List<Invitation>> ListAsync(CancellationToken cancellationToken) =>
        db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Deletes an invitation not used yet; false when there is none.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken) =>
        await db.Invitations.Where(i => i.Id == id && i.UsedAt == null).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>The unused, unexpired invitation whose link carries <paramref name="secret"/>, or null.</summary>
    public async Task<Invitation?> FindUsableAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = Tokens.ApiTokenService.HashOf(secret);
        var now = Now;
        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Hash == hash && i.UsedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Marks the invitation used, once: false when another request spent it first.</summary>
    public async Task<bool> SpendAsync(int id, CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.Invitations.Where(i => i.Id == id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), cancellationToken) == 1;
    }

    /// <summary>Makes a spent invitation usable again (the account it was spent on could not be made).</summary>
    public Task ReturnAsync(int id, CancellationToken cancellationToken) =>
        db.Invitations.Where(i => i.Id == id).ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, (DateTime?)null), cancellationToken);
}
