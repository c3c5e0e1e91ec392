using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Articles;

/// <summary>
/// The editor of one annotation. The reader's script loads it into the annotation list in
/// place; without script it is a page of its own. Its forms post to the reader's handlers.
/// </summary>
[Authorize]
public sealed class EditAnnotationModel(AnnotationService annotations) : PageModel
{
    public Annotation Annotation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var annotation = await annotations.FindVisibleAsync(id, userId, cancellationToken);
        if (annotation is null || annotation.OwnerId != userId || annotation.Article.Slug != slug)
        {
            return NotFound();
        }
        Annotation = annotation;
        return Page();
    }
}
