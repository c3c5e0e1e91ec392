using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Tags;

[Authorize]
public sealed class IndexModel(TagService tags) : PageModel
{
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    [TempData]
    public string? Outcome { get; set; }

    /// <summary>Why the last rename or merge failed; kept across the redirect.</summary>
    [TempData]
    public string? Problem { get; set; }

    private string UserId => User.UserId()!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Tags = await tags.ListAsync(UserId, cancellationToken);
        if (Problem is not null)
        {
            ModelState.AddModelError(string.Empty, Problem);
        }
    }

    public Task<IActionResult> OnPostRenameAsync(string from, string to, CancellationToken cancellationToken) =>
        ChangeAsync(from, to, $"Renamed '{from}' to '{to}'", cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(string from, string into, CancellationToken cancellationToken) =>
        ChangeAsync(from, into, $"Merged '{from}' into '{into}'", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string? from, string? to, string done, CancellationToken cancellationToken)
    {
        var (changed, problem) = await tags.RenameAsync(UserId, from ?? "", to ?? "", cancellationToken);
        if (problem is not null)
        {
            // Redirect on failure too, so no ?handler= stays in the address bar.
            Problem = problem;
            return RedirectToPage();
        }
        Outcome = $"{done} on {changed} {(changed == 1 ? "annotation" : "annotations")}.";
        return RedirectToPage();
    }
}
