using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Articles;

namespace NewsReader.Web.Pages.Articles;

public sealed class OriginalModel(ArticleQueries articles) : PageModel
{
    public ArticleDocument? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Article = await articles.FindAsync(slug, cancellationToken);
        return Article is null ? NotFound() : Page();
    }
}
