using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Identity's user manager with one rule added: the first account ever created becomes the
/// administrator. It sits here, not in a page, so the registration page and the
/// `/api/auth/register` endpoint both obey it.
/// </summary>
public sealed class NewsReaderUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    RoleManager<IdentityRole> roles,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> CreateAsync(AppUser user)
    {
        user.CreatedAt = clock.GetUtcNow().UtcDateTime;
        var result = await base.CreateAsync(user);
        if (result.Succeeded && await Users.CountAsync() == 1)
        {
            if (!await roles.RoleExistsAsync(Roles.Administrator))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Administrator));
            }
            await AddToRoleAsync(user, Roles.Administrator);
            Logger.LogInformation("First account {UserId} is the administrator", user.Id);
        }
        return result;
    }
}
