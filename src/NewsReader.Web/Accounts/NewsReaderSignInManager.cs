using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Accounts;

/// <summary>
/// Identity's sign-in with three changes that the log-in page and `/api/auth/login` share:
/// an unknown account costs a password hash like a known one and fails the same way (no
/// "LockedOut" for real accounts only); failures are slowed by <see cref="SignInThrottle"/>
/// per account and address instead of Identity's lockout, which let anyone lock any account;
/// and second-factor codes are throttled the same way, so two-factor accounts stay protected.
/// </summary>
public sealed class NewsReaderSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    SignInThrottle throttle,
    IPasswordHasher<AppUser> hasher)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Failed log-ins on the account since its previous log-in, set by the last successful password step.</summary>
    public int FailuresSinceLastLogIn { get; private set; }

    // A real hash to check unknown accounts' passwords against, so they take as long as known ones.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var account = NormalizeKey(userName);
        var address = Address;
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || await throttle.MustWaitAsync(account, address))
        {
            hasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, password);
            if (user is null)
            {
                await throttle.FailedAsync(account, address);
            }
            return SignInResult.Failed;
        }
        // Identity's lockout stays off: the throttle slows guessing without locking the owner out.
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            FailuresSinceLastLogIn = await throttle.SucceededAsync(account, address);
        }
        else
        {
            await throttle.FailedAsync(account, address);
        }
        // NotAllowed (unconfirmed) and LockedOut (set by an administrator) read as a plain failure to a guesser.
        return result.Succeeded || result.RequiresTwoFactor ? result : SignInResult.Failed;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await ThrottledCodeAsync(() => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await ThrottledCodeAsync(() => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    private async Task<SignInResult> ThrottledCodeAsync(Func<Task<SignInResult>> signIn)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInResult.Failed;
        }
        var account = "2fa:" + user.Id;
        if (await throttle.MustWaitAsync(account, Address))
        {
            return SignInResult.Failed;
        }
        var result = await signIn();
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account, Address);
        }
        else
        {
            await throttle.FailedAsync(account, Address);
        }
        return result;
    }

    private string NormalizeKey(string userName) => UserManager.NormalizeName(userName) ?? userName;

    private string Address => Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
