using NewsReader.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Reading;

namespace NewsReader.Web.Pages.Settings;

[Authorize]
public sealed class IndexModel(ReaderSettingsService settings) : PageModel
{
    [BindProperty] public string FontSize { get; set; } = "medium";
    [BindProperty] public string LineWidth { get; set; } = "medium";
    [BindProperty] public string Typeface { get; set; } = "serif";
    [BindProperty] public string Theme { get; set; } = "system";

    [TempData]
    public string? Saved { get; set; }

    private string UserId => User.UserId()!;

    /// <summary>
    /// A `javascript:` link for the bookmarks bar: it opens this app's list page with the current
    /// page's address in the save form (`/?save=`), where the reader confirms; it saves nothing by itself.
    /// </summary>
    public string Bookmarklet =>
        $"javascript:location.href='{Request.Scheme}://{Request.Host}/?save='+encodeURIComponent(location.href)";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await settings.GetAsync(UserId, ct);
        (FontSize, LineWidth, Typeface, Theme) = (current.FontSize, current.LineWidth, current.Typeface, current.Theme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await settings.SaveAsync(UserId, FontSize, LineWidth, Typeface, Theme, ct) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Saved = "Your reader settings are saved.";
        return RedirectToPage();
    }
}
