using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages;

[ExpensiveWork(ExpensiveKind.Fetching, PostsOnly = true)]
public sealed class IndexModel(LibraryList list, ReaderLibrary library, FeedService feeds, UrlSaver saver, LibraryTags tags) : PageModel
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

    /// <summary>The article the reader just took out of their library, for its Undo.</summary>
    [TempData]
    public string? Removed { get; set; }

    /// <summary>The keyset cursor this page starts after (an "Older" link), from the previous page's last row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The keyset cursor this page ends before (a "Newer" link), from the next page's first row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public LibraryPage Library { get; private set; } = null!;

    /// <summary>The signed-in reader's own tags on the rows of this page, by article.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> RowTags { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The reader's tags on one row, none when they have put none on it.</summary>
    public IReadOnlyList<string> TagsOf(LibraryRow row) => RowTags.GetValueOrDefault(row.ArticleId) ?? [];

    /// <summary>How many articles each view holds, for the sidebar.</summary>
    public LibraryCounts? Counts { get; private set; }

    /// <summary>The sites of the reader's library, for the sidebar.</summary>
    public IReadOnlyList<LibrarySite> Sites { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            Filter = ListFilter.All;
        }
        Site = string.IsNullOrWhiteSpace(Site) ? null : Site.Trim();
        Folder = string.IsNullOrWhiteSpace(Folder) ? null : Folder.Trim();
        Library = await list.PageAsync(User.UserId(), View, After, Before, LibraryList.DefaultLimit, cancellationToken);
        if (SignedIn)
        {
            Feeds = await feeds.ListAsync(User.UserId()!, cancellationToken);
            Counts = await list.CountsAsync(User.UserId()!, cancellationToken);
            Sites = await list.SitesAsync(User.UserId(), cancellationToken);
            RowTags = await tags.OfAsync(User.UserId()!, Library.Rows.Select(r => r.ArticleId).ToList(), cancellationToken);
        }
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

    /// <summary>Takes the article out of the reader's library (their annotations stay), and offers Undo.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(slug) || !await library.RemoveAsync(User.UserId()!, slug, cancellationToken))
        {
            return NotFound();
        }
        Removed = slug;
        return Redirect(ListUrl(after: After, before: Before));
    }

    /// <summary>Undo of "Remove": the article back in the reader's library.</summary>
    public async Task<IActionResult> OnPostUndoRemoveAsync(string? slug, CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }
        if (!string.IsNullOrEmpty(slug))
        {
            await library.RestoreAsync(User.UserId()!, slug, cancellationToken);
        }
        return Redirect(ListUrl(after: After, before: Before));
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
    /// <param name="after">The cursor of an "Older" page.</param>
    /// <param name="before">The cursor of a "Newer" page.</param>
    public string ListUrl(ListFilter? filter = null, ListSort? sort = null, string? site = null, int? feed = null, string? folder = null, string? after = null, string? before = null)
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
        if (after is not null) query.Add($"after={Uri.EscapeDataString(after)}");
        if (before is not null) query.Add($"before={Uri.EscapeDataString(before)}");
        return query.Count == 0 ? "/" : "/?" + string.Join("&", query);
    }

    public string EmptyMessage => After is not null || Before is not null
        ? "No more articles this way."
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
