using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace NewsReader.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AuthPolicy)]
public sealed class RegisterModel(UserManager<AppUser> users, IConfiguration configuration) : PageModel
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

    public bool RegistrationOpen => AccountsSetup.RegistrationOpen(configuration);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!RegistrationOpen)
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
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
