using NewsReader.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Annotations;

namespace NewsReader.Web.Pages.Tags;

[Authorize]
public sealed class IndexModel(TagService tags) : PageModel
{
    public IReadOnlyList<TagCount> Tags { get; private set; } = [];

    [TempData]
    public string? Outcome { get; set; }

    private string UserId => User.UserId()!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tags = await tags.ListAsync(UserId, cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(string from, string to, CancellationToken cancellationToken) =>
        ChangeAsync(from, to, $"Renamed '{from}' to '{to}'", cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(string from, string into, CancellationToken cancellationToken) =>
        ChangeAsync(from, into, $"Merged '{from}' into '{into}'", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string? from, string? to, string done, CancellationToken cancellationToken)
    {
        var (changed, problem) = await tags.RenameAsync(UserId, from ?? "", to ?? "", cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(string.Empty, problem);
            Tags = await tags.ListAsync(UserId, cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Outcome = $"{done} on {changed} {(changed == 1 ? "annotation" : "annotations")}.";
        return RedirectToPage();
    }
}
