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
        var defaultName = user.DisplayName.Length == 0;
        IdentityResult result;
        for (var attempt = 0; ; attempt++)
        {
            if (defaultName)
            {
                user.DisplayName = await UnusedDefaultNameAsync(attempt);
            }
            user.NormalizedDisplayName = DisplayNames.Normalize(user.DisplayName);
            try
            {
                result = await base.CreateAsync(user);
                // The default name was free when chosen, and taken by a racing registration
                // when validated: take another.
                if (defaultName && attempt < 20 && result.Errors.Any(e => e.Code == DisplayNameValidator.DuplicateCode))
                {
                    continue;
                }
                break;
            }
            catch (DbUpdateException ex) when (UniqueIndexBroken(ex) is { } index)
            {
                // Registrations at the same moment passed the validators together and met at the
                // unique index: a default name moves on to another number; anything else is the
                // taken name or address it is, never a 500.
                if (defaultName && index == nameof(AppUser.NormalizedDisplayName) && attempt < 20)
                {
                    continue;
                }
                if (Store is Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserStore<AppUser, IdentityRole, Data.NewsReaderDb, string> { Context: var context })
                {
                    context.Entry(user).State = EntityState.Detached;
                }
                return index == nameof(AppUser.NormalizedDisplayName)
                    ? IdentityResult.Failed(new IdentityError { Code = DisplayNameValidator.DuplicateCode, Description = $"Another reader is already called '{user.DisplayName}'. Choose another name." })
                    : IdentityResult.Failed(ErrorDescriber.DuplicateUserName(user.UserName ?? ""));
            }
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

    // Which unique index a failed insert broke, from the provider's message (SQLite names the
    // column, PostgreSQL the index); null when the failure is something else.
    private static string? UniqueIndexBroken(DbUpdateException ex)
    {
        var message = ex.InnerException?.Message ?? "";
        return message.Contains(nameof(AppUser.NormalizedDisplayName), StringComparison.Ordinal) ? nameof(AppUser.NormalizedDisplayName)
            : message.Contains("NormalizedUserName", StringComparison.Ordinal) || message.Contains("UserNameIndex", StringComparison.Ordinal) ? "NormalizedUserName"
            : null;
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
    // or left by an account since deleted); a retry after a clash starts a random step further,
    // so registrations racing for the same number spread out.
    private async Task<string> UnusedDefaultNameAsync(int attempt)
    {
        for (var number = await Users.LongCountAsync() + 1 + (attempt == 0 ? 0 : Random.Shared.Next(1, 8 * attempt)); ; number++)
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
