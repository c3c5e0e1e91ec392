using Microsoft.AspNetCore.Identity;

namespace NewsReader.Web.Accounts;

/// <summary>A NewsReader account. The user name is the e-mail address.</summary>
public sealed class AppUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }
}
