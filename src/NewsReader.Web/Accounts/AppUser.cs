using Microsoft.AspNetCore.Identity;

namespace NewsReader.Web.Accounts;

/// <summary>A NewsReader account. The user name is the e-mail address; others see only the display name.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The name shown beside the reader's public annotations; never the e-mail address.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary><see cref="DisplayName"/> as <see cref="DisplayNames.Normalize"/> folds it: unique, so no two readers look alike.</summary>
    public string NormalizedDisplayName { get; set; } = "";
}
