using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Checks an account's display name on every create and update, whichever way it came (the
/// registration form, settings, `/api/account`, Identity's own endpoints): the rules of
/// <see cref="DisplayNames"/> and uniqueness ignoring case.
/// </summary>
public sealed class DisplayNameValidator : IUserValidator<AppUser>
{
    public const string InvalidCode = "InvalidDisplayName";
    public const string DuplicateCode = "DuplicateDisplayName";

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        if (DisplayNames.Problem(user.DisplayName) is { } problem)
        {
            return IdentityResult.Failed(new IdentityError { Code = InvalidCode, Description = problem });
        }
        var normalized = DisplayNames.Normalize(user.DisplayName);
        var taken = await manager.Users.AnyAsync(u => u.NormalizedDisplayName == normalized && u.Id != user.Id);
        return taken
            ? IdentityResult.Failed(new IdentityError { Code = DuplicateCode, Description = $"Another reader is already called '{user.DisplayName}'. Choose another name." })
            : IdentityResult.Success;
    }
}
