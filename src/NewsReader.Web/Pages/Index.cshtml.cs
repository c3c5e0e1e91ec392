using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages;

[NewsReader.Web.Hosting.ExpensiveWork(PostsOnly = true)]
public sealed class IndexModel(LibraryList list, FeedService feeds, UrlSaver saver) : PageModel
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

    /// <summary>Only the items of this feed of the reader's.</summary>
    [BindProperty(SupportsGet = true, Name = "feed")]
    public int? FeedId { get; set; }

    /// <summary>Only the items of the reader's feeds in this folder.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Folder { get; set; }

    /// <summary>The articles "Mark all as read" just changed, for its Undo.</summary>
    [TempData]
    public string? MarkedRead { get; set; }

    /// <summary>The reader's subscriptions with their unread counts, for the sidebar.</summary>
    public IReadOnlyList<FeedSummary> Feeds { get; private set; } = [];

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
        Folder = string.IsNullOrWhiteSpace(Folder) ? null : Folder.Trim();
        Library = await list.NumberedPageAsync(User.UserId(), View, PageNumber, cancellationToken);
        Feeds = SignedIn ? await feeds.ListAsync(User.UserId()!, cancellationToken) : [];
    }

    public ListView View => new(Filter, Sort, Site, FeedId, Folder);

    /// <summary>What the list shows, for its heading: a feed, a folder, a site, or everything.</summary>
    public string Heading =>
        FeedId is { } id ? Feeds.FirstOrDefault(f => f.Id == id)?.Title ?? "Feed"
        : Folder is not null ? Folder
        : Site is not null ? $"Articles from {Site}"
        : "Articles";

    /// <summary>Marks every unread article of this view read, and offers Undo.</summary>
    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        var ids = await list.MarkAllReadAsync(User.UserId()!, View with { Filter = Filter }, cancellationToken);
        // Undo needs the ids; a very large view keeps the first 2,000 (TempData lives in a cookie).
        MarkedRead = string.Join(',', ids.Take(2000));
        return Redirect(ListUrl());
    }

    /// <summary>Undo of "Mark all as read": the articles it changed unread again.</summary>
    public async Task<IActionResult> OnPostUndoReadAsync(string? ids, CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        var articleIds = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToList();
        await list.MarkUnreadAsync(User.UserId()!, articleIds, cancellationToken);
        return Redirect(ListUrl());
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
            var saved = await saver.SaveAsync(User.UserId()!, SaveUrl, cancellationToken);
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
    /// <param name="feed">A feed to show (0 drops the feed filter).</param>
    /// <param name="folder">A folder to show (empty drops it).</param>
    public string ListUrl(ListFilter? filter = null, ListSort? sort = null, int page = 1, string? site = null, int? feed = null, string? folder = null)
    {
        var f = filter ?? Filter;
        var s = sort ?? Sort;
        var onlySite = site ?? Site;
        var onlyFeed = feed ?? FeedId;
        var onlyFolder = folder ?? Folder;
        var query = new List<string>();
        if (onlyFeed is > 0) query.Add($"feed={onlyFeed}");
        if (!string.IsNullOrEmpty(onlyFolder)) query.Add($"folder={Uri.EscapeDataString(onlyFolder)}");
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
