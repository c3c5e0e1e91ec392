using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Identity's user manager with two rules added: the first account ever created becomes the
/// administrator, and an account created without a display name gets "reader-N". They sit
/// here, not in a page, so the registration page and the `/api/auth/register` endpoint both obey them.
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
        user.DisplayName = DisplayNames.Clean(user.DisplayName);
        var defaulted = user.DisplayName.Length == 0;
        if (defaulted)
        {
            user.DisplayName = await UnusedDefaultNameAsync();
        }
        user.NormalizedDisplayName = DisplayNames.Normalize(user.DisplayName);
        IdentityResult result;
        for (var attempt = 1; ; attempt++)
        {
            // Registrations at the same moment (several instances, or one busy one) count the
            // same accounts and choose the same default name, which the validator or the
            // unique index then refuses: the loser takes another, a random step further on.
            // A name the reader chose is never replaced.
            try
            {
                result = await base.CreateAsync(user);
                if (result.Succeeded || !defaulted || attempt == 10 || result.Errors.Any(e => e.Code != DisplayNameValidator.DuplicateCode))
                {
                    break;
                }
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) when (defaulted && attempt < 10)
            {
            }
            // The racers would pick the same next number again: spread them out.
            user.DisplayName = await UnusedDefaultNameAsync(spread: 8 * attempt);
            user.NormalizedDisplayName = DisplayNames.Normalize(user.DisplayName);
        }
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

    /// <summary>Gives the account a new display name, checked by <see cref="DisplayNameValidator"/>.</summary>
    public async Task<IdentityResult> SetDisplayNameAsync(AppUser user, string? name)
    {
        var (previous, previousNormalized) = (user.DisplayName, user.NormalizedDisplayName);
        user.DisplayName = DisplayNames.Clean(name);
        user.NormalizedDisplayName = DisplayNames.Normalize(user.DisplayName);
        var result = await UpdateAsync(user);
        if (!result.Succeeded)
        {
            (user.DisplayName, user.NormalizedDisplayName) = (previous, previousNormalized);
        }
        return result;
    }

    // "reader-N" after the number of accounts, skipping names already taken (chosen by hand,
    // or left by an account since deleted).
    private async Task<string> UnusedDefaultNameAsync(int spread = 0)
    {
        for (var number = await Users.LongCountAsync() + 1 + (spread > 0 ? Random.Shared.Next(spread) : 0); ; number++)
        {
            var name = DisplayNames.Default(number);
            var normalized = DisplayNames.Normalize(name);
            if (!await Users.AnyAsync(u => u.NormalizedDisplayName == normalized))
            {
                return name;
            }
        }
    }
}
