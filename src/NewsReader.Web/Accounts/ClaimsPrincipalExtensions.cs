using System.Security.Claims;

namespace NewsReader.Web.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in account's id, or null for an anonymous reader.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
