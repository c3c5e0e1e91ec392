using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Admin.Articles;

/// <summary>Deleting an article for everyone: says what goes with it and offers the annotations' export first.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class DeleteModel(ArticleDeletion deletion) : PageModel
{
    public DeletionImpact Impact { get; private set; } = null!;

    /// <summary>The title of the article just deleted, for the confirmation.</summary>
    [TempData]
    public string? Deleted { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await deletion.ImpactAsync(slug, cancellationToken) is not { } impact)
        {
            return Deleted is not null ? Page() : NotFound();
        }
        Impact = impact;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await deletion.ImpactAsync(slug, cancellationToken) is not { } impact)
        {
            return NotFound();
        }
        await deletion.DeleteAsync(slug, cancellationToken);
        Deleted = impact.Title;
        return RedirectToPage(new { slug });
    }

    public string ExportUrl(string format) =>
        $"/api/export?article={Uri.EscapeDataString(Impact.Slug)}&include=public&format={format}";
}
