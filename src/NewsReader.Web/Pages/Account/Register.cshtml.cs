using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Pages.Account;

/// <summary>
/// Registration, as `NewsReader:Registration` allows: anyone (open), the holder of an
/// administrator's invitation link for the address it names (invite), or no one (closed).
/// </summary>
[EnableRateLimiting(RateLimits.AuthPolicy)]
public sealed class RegisterModel(UserManager<AppUser> users, IConfiguration configuration, InvitationService invitations) : PageModel
{
    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Display(Name = "Display name")]
        public string? DisplayName { get; set; }

        [Required, DataType(DataType.Password), StringLength(200, MinimumLength = 8, ErrorMessage = "The password must be at least 8 characters long.")]
        public string Password { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The secret of the invitation link, carried from the link into the form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Invitation { get; set; }

    /// <summary>The configured mode; invite mode lets the very first account (the administrator) in without a link.</summary>
    public RegistrationMode Mode { get; private set; }

    /// <summary>The invitation the link carries, when it is usable (invite mode).</summary>
    public Invitation? Invited { get; private set; }

    /// <summary>Whether the form is shown: open registration, or a usable invitation.</summary>
    public bool CanRegister => Mode == RegistrationMode.Open || (Mode == RegistrationMode.Invite && Invited is not null);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Mode = Registration.Mode(configuration);
        if (Mode == RegistrationMode.Invite && !await users.Users.AnyAsync(HttpContext.RequestAborted))
        {
            Mode = RegistrationMode.Open;
        }
        await next();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Mode == RegistrationMode.Invite)
        {
            Invited = await invitations.FindUsableAsync(Invitation, cancellationToken);
            Input.Email = Invited?.Email ?? "";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Mode == RegistrationMode.Invite)
        {
            Invited = await invitations.FindUsableAsync(Invitation, cancellationToken);
            // The address is the invitation's, whatever the form says.
            Input.Email = Invited?.Email ?? "";
            ModelState.Remove("Input.Email");
        }
        if (!CanRegister || !ModelState.IsValid)
        {
            return Page();
        }
        if (Invited is not null && !await invitations.SpendAsync(Invited.Id, cancellationToken))
        {
            Invited = null;
            return Page();
        }
        var user = new AppUser { UserName = Input.Email, Email = Input.Email, DisplayName = Input.DisplayName ?? "" };
        var result = await users.CreateAsync(user, Input.Password);
        // A taken address must answer exactly as a new one does, or the form tells anyone which
        // addresses have accounts; so no one is signed in here, and both go on to the log-in
        // page with the same words. (The password is hashed either way, so timing agrees too.)
        var errors = result.Errors.Where(error => !AccountsSetup.IsDuplicateAccount(error.Code)).ToList();
        if (errors.Count > 0)
        {
            if (Invited is not null)
            {
                // A weak password or a taken display name: the link stays good for the next try.
                await invitations.ReturnAsync(Invited.Id, cancellationToken);
            }
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }
            return Page();
        }
        TempData[LoginModel.RegisteredKey] = Input.Email;
        return RedirectToPage("/Account/Login");
    }
}
