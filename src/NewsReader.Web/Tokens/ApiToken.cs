namespace NewsReader.Web.Tokens;

/// <summary>
/// A personal API token: a named, revocable secret a script sends as `Authorization: Bearer`.
/// Only its SHA-256 hash is stored; the secret itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token string.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart in the list.</summary>
    public required string Hint { get; set; }

    /// <summary>True when the token may only read (GET and HEAD).</summary>
    public bool ReadOnly { get; set; }

    public DateTime Created { get; set; }

    /// <summary>After this moment the token is refused; null for a token that does not expire.</summary>
    public DateTime? Expires { get; set; }

    public DateTime? LastUsed { get; set; }
}
