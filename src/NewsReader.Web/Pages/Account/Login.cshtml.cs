using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsReader.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AuthPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn) : PageModel
{
    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The code from an authenticator app, or a recovery code, for accounts with two-factor sign-in.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The password was right and the account asks for its second factor.</summary>
    public bool NeedsCode { get; private set; }

    /// <summary>The address just registered, to fill in and to say so (the same words whether it was new or taken).</summary>
    public string? Registered { get; private set; }

    public void OnGet()
    {
        if (TempData[RegisteredKey] is string registered)
        {
            Registered = registered;
            Input.Email = registered;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            NoticeFailures();
            return BackToWhereTheyWere();
        }
        if (result.RequiresTwoFactor)
        {
            // Identity has remembered who passed the password step, in its two-factor cookie.
            NeedsCode = true;
            return Page();
        }
        ModelState.AddModelError(string.Empty, NotRight);
        return Page();
    }

    /// <summary>
    /// The second step: six digits from the authenticator app (two-factor sign-in is turned on
    /// through /api/auth/manage/2fa), or one of the recovery codes given then.
    /// </summary>
    public async Task<IActionResult> OnPostCodeAsync()
    {
        ModelState.Clear();
        NeedsCode = true;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            NeedsCode = false;
            ModelState.AddModelError(string.Empty, "The log-in took too long. Enter your e-mail and password again.");
            return Page();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, Input.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code?.Trim() ?? "");
        if (result.Succeeded)
        {
            NoticeFailures();
            return BackToWhereTheyWere();
        }
        ModelState.AddModelError(string.Empty, "That code is not right. Codes change every 30 seconds; try the current one.");
        return Page();
    }

    private LocalRedirectResult BackToWhereTheyWere() => LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");

    /// <summary>The TempData key of the notice shown once after a log-in that followed failed attempts.</summary>
    public const string NoticeKey = "SignInNotice";

    /// <summary>The TempData key the registration page leaves its address under.</summary>
    public const string RegisteredKey = "RegisteredEmail";

    // The same words whether the account exists or not, and while guessing is being slowed.
    private const string NotRight = "The e-mail or password is not right. After several failed tries, wait a few seconds before the next.";

    /// <summary>Tells the owner, once, how many log-ins failed on their account since their last one.</summary>
    private void NoticeFailures()
    {
        if (signIn is NewsReaderSignInManager { FailuresSinceLastLogIn: > 0 and var failures })
        {
            TempData[NoticeKey] = $"{failures} failed log-in attempt{(failures == 1 ? "" : "s")} on your account since your last log-in. If that was not you, consider changing your password.";
        }
    }
}
