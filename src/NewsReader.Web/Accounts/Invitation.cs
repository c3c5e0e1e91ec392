namespace NewsReader.Web.Accounts;

/// <summary>
/// A single-use invitation to register, made by an administrator when `NewsReader:Registration`
/// is `invite`. It names the address it is for, so the person invited learns nothing about
/// other addresses; only the SHA-256 hash of its secret is stored, the link is shown once.
/// </summary>
public sealed class Invitation
{
    public int Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret in the link.</summary>
    public required string Hash { get; set; }

    /// <summary>The address the account will have, as the administrator typed it.</summary>
    public required string Email { get; set; }

    public required string CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>After this moment the link is refused.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the link was used; a used link is refused.</summary>
    public DateTime? UsedAt { get; set; }
}
