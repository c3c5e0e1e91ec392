using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Settings;

/// <summary>`/settings/tokens`: make, list and revoke personal API tokens. A new token is shown on the answer to its form, once.</summary>
[Authorize]
public sealed class TokensModel(ApiTokenService tokens, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? Expires { get; set; }
    [BindProperty] public bool ReadOnly { get; set; }

    public IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];
    public NewApiToken? Created { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    [TempData]
    public string? Message { get; set; }

    private string UserId => User.UserId()!;

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(UserId, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "The expiry is not a date.");
            return await ProblemPageAsync(ct);
        }
        // A token that expires "on" a day works through that whole day (UTC).
        var expires = Expires?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
        var (created, problem) = await tokens.CreateAsync(UserId, Name, expires, ReadOnly, ct);
        if (created is null)
        {
            ModelState.AddModelError(string.Empty, problem!);
            return await ProblemPageAsync(ct);
        }
        // Shown on this answer, not after a redirect, so the secret is never stored anywhere to show it again.
        Created = created;
        Name = null;
        Expires = null;
        ReadOnly = false;
        Response.Headers.CacheControl = "no-store";
        Tokens = await tokens.ListAsync(UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        Message = await tokens.RevokeAsync(UserId, id, ct) ? "The token is revoked: it no longer works." : "That token was already gone.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ProblemPageAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Tokens = await tokens.ListAsync(UserId, ct);
        return Page();
    }
}
