using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Admin;

/// <summary>
/// `/admin/invitations`: single-use registration links for `NewsReader:Registration` = `invite`,
/// each for one address. The link is shown once, when it is made; unused ones can be revoked.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class InvitationsModel(InvitationService invitations, UserManager<AppUser> users, IConfiguration configuration) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give the address to invite."), EmailAddress(ErrorMessage = "That is not an e-mail address.")]
    public string Email { get; set; } = "";

    public RegistrationMode Mode => Registration.Mode(configuration);

    public IReadOnlyList<Invitation> All { get; private set; } = [];

    /// <summary>The link just made, shown this once.</summary>
    public string? Link { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => All = await invitations.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(Email.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(Email), $"{Email.Trim()} already has an account.");
        }
        if (ModelState.IsValid)
        {
            (_, Link) = await invitations.CreateAsync(users.GetUserId(User)!, Email, cancellationToken);
        }
        All = await invitations.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        Notice = await invitations.RevokeAsync(id, cancellationToken) ? "The invitation is revoked." : "That invitation was used or is gone.";
        return RedirectToPage();
    }
}
