using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Settings;

[Authorize]
public sealed class IndexModel(ReaderSettingsService settings, NewsReaderUserManager users, PublicUrls urls) : PageModel
{
    [BindProperty] public string FontSize { get; set; } = "medium";
    [BindProperty] public string LineWidth { get; set; } = "medium";
    [BindProperty] public string Typeface { get; set; } = "serif";
    [BindProperty] public string Theme { get; set; } = "system";

    [TempData]
    public string? Saved { get; set; }

    /// <summary>Why the last change could not be saved; kept across the redirect.</summary>
    [TempData]
    public string? Problem { get; set; }

    /// <summary>A display name just refused, kept across the redirect so it is not lost.</summary>
    [TempData]
    public string? RefusedName { get; set; }

    /// <summary>The display name as shown in the form: the one just refused, or the current one.</summary>
    public string? DisplayName { get; private set; }

    private string UserId => User.UserId()!;

    /// <summary>
    /// A `javascript:` link for the bookmarks bar: it opens this app's list page with the current
    /// page's address in the save form (`/?save=`), where the reader confirms; it saves nothing by itself.
    /// The address is the public one (<see cref="PublicUrls"/>), never the request's Host header.
    /// </summary>
    public string Bookmarklet =>
        $"javascript:location.href='{urls.Absolute("/?save=").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'+encodeURIComponent(location.href)";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await settings.GetAsync(UserId, ct);
        (FontSize, LineWidth, Typeface, Theme) = (current.FontSize, current.LineWidth, current.Typeface, current.Theme);
        DisplayName = RefusedName ?? (await users.GetUserAsync(User))?.DisplayName;
        if (Problem is not null)
        {
            ModelState.AddModelError(string.Empty, Problem);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await settings.SaveAsync(UserId, FontSize, LineWidth, Typeface, Theme, ct) is { } problem)
        {
            Problem = problem;
            return RedirectToPage();
        }
        Saved = "Your reader settings are saved.";
        return RedirectToPage();
    }

    /// <summary>Changes the name shown beside public annotations; a refused name comes back in the form.</summary>
    public async Task<IActionResult> OnPostDisplayNameAsync(string? displayName)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var result = await users.SetDisplayNameAsync(user, displayName);
        if (result.Succeeded)
        {
            Saved = $"Others now see you as {user.DisplayName}.";
        }
        else
        {
            Problem = result.Errors.First().Description;
            RefusedName = displayName;
        }
        return RedirectToPage();
    }
}
