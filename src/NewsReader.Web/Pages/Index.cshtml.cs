using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages;

[NewsReader.Web.Hosting.ExpensiveWork(PostsOnly = true)]
public sealed class IndexModel(ReadingService reading, UrlSaver saver) : PageModel
{
    /// <summary>The address in the save form: prefilled from `?save=` (the bookmarklet), posted back by the form.</summary>
    [BindProperty(SupportsGet = true, Name = "save")]
    public string? SaveUrl { get; set; }

    /// <summary>Why the page could not be saved, for the form.</summary>
    public string? SaveProblem { get; private set; }

    [BindProperty(SupportsGet = true)]
    public ListFilter Filter { get; set; } = ListFilter.All;

    [BindProperty(SupportsGet = true)]
    public ListSort Sort { get; set; } = ListSort.Newest;

    /// <summary>Only articles from this site (publication), compared without case.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

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
        Site = string.IsNullOrWhiteSpace(Site) ? null : Site.Trim();
        Library = await reading.ListAsync(User.UserId(), Filter, Sort, PageNumber, Site, cancellationToken);
    }

    /// <summary>Saves the page at <see cref="SaveUrl"/> and opens it; a failure is shown on the form with the fetch's reason.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        try
        {
            var saved = await saver.SaveAsync(SaveUrl, cancellationToken);
            return Redirect($"/articles/{Uri.EscapeDataString(saved.Slug)}");
        }
        catch (FetchException failure)
        {
            SaveProblem = failure.Message;
            Response.StatusCode = failure.FormStatus;
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>This list's address with some of its choices changed; an empty <paramref name="site"/> drops the site filter.</summary>
    public string ListUrl(ListFilter? filter = null, ListSort? sort = null, int page = 1, string? site = null)
    {
        var f = filter ?? Filter;
        var s = sort ?? Sort;
        var onlySite = site ?? Site;
        var query = new List<string>();
        if (!string.IsNullOrEmpty(onlySite)) query.Add($"site={Uri.EscapeDataString(onlySite)}");
        if (f != ListFilter.All) query.Add($"filter={f.ToString().ToLowerInvariant()}");
        if (s != ListSort.Newest) query.Add($"sort={s.ToString().ToLowerInvariant()}");
        if (page > 1) query.Add($"p={page}");
        return query.Count == 0 ? "/" : "/?" + string.Join("&", query);
    }

    public string EmptyMessage => Library.Total > 0
        ? $"There is no page {PageNumber}: this list has {Library.PageCount} page{(Library.PageCount == 1 ? "" : "s")}."
        : Site is not null ? $"No articles from {Site} in this list."
        : Filter switch
    {
        ListFilter.Unread => "Nothing unread: you are all caught up. Archived articles are under Archived.",
        ListFilter.Archived => "Nothing archived yet. Archive an article from the reader when you are done with it.",
        ListFilter.Favorites => "No favourites yet. Mark an article as a favourite from the reader to keep it here.",
        ListFilter.Annotated => "You have not annotated any article yet. Open one and select text to highlight it.",
        ListFilter.Updated => "No article you have opened has changed since you last saw it.",
        _ => "No articles yet. Put articles (plain text, Markdown, HTML or feed files) in the seeds folder, or run dotnet run --project src/NewsReader.Web -- ingest <path>.",
    };
}
