using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Articles;

public sealed class OriginalModel(ArticleQueries articles) : PageModel
{
    public ArticleSummary Summary { get; private set; } = null!;

    public string RawSource { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await articles.FindOriginalAsync(slug, User.UserId(), cancellationToken) is not { } original)
        {
            return NotFound();
        }
        (Summary, RawSource) = original;
        return Page();
    }
}
