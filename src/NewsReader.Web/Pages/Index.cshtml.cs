using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Articles;

namespace NewsReader.Web.Pages;

public sealed class IndexModel(ArticleQueries articles) : PageModel
{
    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Articles = await articles.ListAsync(cancellationToken);
}
