using NewsReader.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Search;

namespace NewsReader.Web.Pages.Search;

[NewsReader.Web.Security.ExpensiveWork]
public sealed class IndexModel(SearchService search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchResults Results { get; private set; } = null!;

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Math.Max(Results.AnnotationTotal, Results.ArticleTotal) / (double)PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        Results = await search.SearchAsync(Q, User.UserId(), PageSize, (PageNumber - 1) * PageSize, cancellationToken);
    }

    public string PageUrl(int page) => $"/search?q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}
