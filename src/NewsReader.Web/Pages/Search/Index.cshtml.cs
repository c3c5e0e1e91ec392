using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Search;

[ExpensiveWork(ExpensiveKind.Searching)]
public sealed class IndexModel(SearchService search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>
    /// Set by search-as-you-type (and kept in the URL it writes): the last word is still being
    /// typed, so it is searched as a prefix, and a reload shows what the reader saw.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "live")]
    public int LiveFlag { get; set; }

    public bool Live => LiveFlag == 1;

    public SearchResults Results { get; private set; } = null!;

    public bool SignedIn => User.UserId() is not null;

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Math.Max(Results.AnnotationTotal, Results.ArticleTotal) / (double)PageSize));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        var query = Live ? AsYouType.Query(Q) : Q;
        Results = await search.SearchAsync(query, User.UserId(), PageSize, (PageNumber - 1) * PageSize, cancellationToken);
    }

    public string PageUrl(int page) => $"/search?q={Uri.EscapeDataString(Q ?? "")}{(Live ? "&live=1" : "")}&p={page}";
}
