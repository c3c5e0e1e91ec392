using NewsReader.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Reading;

namespace NewsReader.Web.Pages;

public sealed class IndexModel(ReadingService reading) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListFilter Filter { get; set; } = ListFilter.All;

    [BindProperty(SupportsGet = true)]
    public ListSort Sort { get; set; } = ListSort.Newest;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public LibraryPage Library { get; private set; } = null!;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            Filter = ListFilter.All;
        }
        Library = await reading.ListAsync(User.UserId(), Filter, Sort, PageNumber, cancellationToken);
    }

    public string ListUrl(ListFilter? filter = null, ListSort? sort = null, int page = 1)
    {
        var f = filter ?? Filter;
        var s = sort ?? Sort;
        var query = new List<string>();
        if (f != ListFilter.All) query.Add($"filter={f.ToString().ToLowerInvariant()}");
        if (s != ListSort.Newest) query.Add($"sort={s.ToString().ToLowerInvariant()}");
        if (page > 1) query.Add($"p={page}");
        return query.Count == 0 ? "/" : "/?" + string.Join("&", query);
    }

    public string EmptyMessage => Library.Total > 0
        ? $"There is no page {PageNumber}: this list has {Library.PageCount} page{(Library.PageCount == 1 ? "" : "s")}."
        : Filter switch
    {
        ListFilter.Unread => "Nothing unread: you are all caught up. Archived articles are under Archived.",
        ListFilter.Archived => "Nothing archived yet. Archive an article from the reader when you are done with it.",
        ListFilter.Favorites => "No favourites yet. Mark an article as a favourite from the reader to keep it here.",
        ListFilter.Annotated => "You have not annotated any article yet. Open one and select text to highlight it.",
        _ => "No articles yet. Put plain-text articles in the seeds folder, or run dotnet run --project src/NewsReader.Web -- ingest <path>.",
    };
}
