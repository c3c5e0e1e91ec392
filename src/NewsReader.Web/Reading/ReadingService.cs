using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Reading;

/// <summary>The reading state as the API and pages exchange it.</summary>
public sealed record ReadingStateDto(bool Read, bool Archived, bool Favorite, int ProgressOffset);

/// <summary>A change to the reading state; fields left null stay as they are.</summary>
public sealed record ReadingStateChange(bool? Read, bool? Archived, bool? Favorite, int? ProgressOffset);

/// <summary>Which articles a list shows and in what order.</summary>
public enum ListFilter { All, Unread, Archived, Favorites, Annotated, Updated }

public enum ListSort { Newest, Oldest, Longest }

/// <summary>One row of a reader's article list.</summary>
public sealed record LibraryRow(
    string Slug, string Title, string? Dateline, ArticleSource Source, int ReadingMinutes, int WordCount, DateTime CreatedAt,
    int MyAnnotations, bool Read, bool Archived, bool Favorite, int ProgressPercent)
{
    /// <summary>A revision came in after the newest one this reader has seen.</summary>
    public bool Updated { get; init; }
}

/// <summary>A page of the list with the total, for paging.</summary>
public sealed record LibraryPage(IReadOnlyList<LibraryRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>
/// Read / archived / favourite / progress per reader and article, and the article list built on
/// them. The pages and `/api/articles/{slug}/state` both go through here.
/// </summary>
public sealed class ReadingService(NewsReaderDb db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<ReadingStateDto?> GetAsync(string userId, string slug, CancellationToken ct = default)
    {
        var articleId = await ArticleIdAsync(slug, ct);
        if (articleId is null)
        {
            return null;
        }
        var state = await db.ReadingStates.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.ArticleId == articleId, ct);
        return state is null ? new ReadingStateDto(false, false, false, 0) : ToDto(state);
    }

    /// <summary>Applies a change; null when the article does not exist, or the reason it cannot apply.</summary>
    public async Task<(ReadingStateDto? State, string? Problem)> ChangeAsync(string userId, string slug, ReadingStateChange change, CancellationToken ct = default)
    {
        try
        {
            return await ApplyAsync(userId, slug, change, ct);
        }
        catch (DbUpdateException)
        {
            // Two first changes at once (progress and "read" from the same page) both insert;
            // the loser applies its change to the row the winner created.
            db.ChangeTracker.Clear();
            return await ApplyAsync(userId, slug, change, ct);
        }
    }

    private async Task<(ReadingStateDto? State, string? Problem)> ApplyAsync(string userId, string slug, ReadingStateChange change, CancellationToken ct)
    {
        var article = await db.ArticleRevisions.NewestFirst(slug)
            .Select(r => new { r.ArticleId, r.Text.Length }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return (null, null);
        }
        if (change.ProgressOffset is { } offset && (offset < 0 || offset > article.Length))
        {
            return (null, $"progressOffset must be between 0 and {article.Length}, the length of the article's text.");
        }
        var state = await db.ReadingStates.SingleOrDefaultAsync(s => s.UserId == userId && s.ArticleId == article.ArticleId, ct);
        if (state is null)
        {
            state = new ReadingState { UserId = userId, ArticleId = article.ArticleId };
            db.ReadingStates.Add(state);
        }
        state.Read = change.Read ?? state.Read;
        state.Archived = change.Archived ?? state.Archived;
        state.Favorite = change.Favorite ?? state.Favorite;
        state.ProgressOffset = change.ProgressOffset ?? state.ProgressOffset;
        state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (ToDto(state), null);
    }

    /// <summary>One page of the list, for a reader (or anonymous: no state, no annotations).</summary>
    /// <param name="site">Only articles from this site, compared without case; null for every site.</param>
    public async Task<LibraryPage> ListAsync(string? userId, ListFilter filter, ListSort sort, int page, string? site = null, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, 1_000_000);
        var revisions = db.ArticleRevisions.Current();
        if (site is not null)
        {
            // SiteName has NOCASE collation, so this equality ignores case.
            revisions = revisions.Where(r => r.SiteName == site);
        }
        var rows =
            from r in revisions
            let state = db.ReadingStates.FirstOrDefault(s => s.UserId == userId && s.ArticleId == r.ArticleId)
            select new
            {
                r.ArticleId,
                r.Article.Slug,
                r.Title,
                r.Dateline,
                Source = new ArticleSource(r.Article.SourceUrl, r.SiteName, r.Author, r.Published, r.Language, r.Agency),
                r.ReadingMinutes,
                r.WordCount,
                r.Article.CreatedAt,
                TextLength = r.Text.Length,
                Mine = db.Annotations.Count(a => a.ArticleId == r.ArticleId && a.OwnerId == userId),
                Read = state != null && state.Read,
                Archived = state != null && state.Archived,
                Favorite = state != null && state.Favorite,
                Progress = state == null ? 0 : state.ProgressOffset,
                Updated = state != null && state.SeenRevision != null && state.SeenRevision < r.Number,
            };
        rows = filter switch
        {
            ListFilter.Unread => rows.Where(x => !x.Read && !x.Archived),
            ListFilter.Archived => rows.Where(x => x.Archived),
            ListFilter.Favorites => rows.Where(x => x.Favorite),
            ListFilter.Annotated => rows.Where(x => x.Mine > 0),
            ListFilter.Updated => rows.Where(x => x.Updated),
            _ => rows.Where(x => !x.Archived),
        };
        rows = sort switch
        {
            ListSort.Oldest => rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.ArticleId),
            ListSort.Longest => rows.OrderByDescending(x => x.WordCount).ThenByDescending(x => x.ArticleId),
            _ => rows.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.ArticleId),
        };
        var total = await rows.CountAsync(ct);
        var list = await rows.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new LibraryPage(
            list.Select(x => new LibraryRow(x.Slug, x.Title, x.Dateline, x.Source, x.ReadingMinutes, x.WordCount, x.CreatedAt, x.Mine, x.Read, x.Archived, x.Favorite,
                x.Read ? 100 : x.TextLength == 0 ? 0 : (int)Math.Round(100.0 * Math.Min(x.Progress, x.TextLength) / x.TextLength)) { Updated = x.Updated }).ToList(),
            total, page, PageSize);
    }

    private Task<int?> ArticleIdAsync(string slug, CancellationToken ct) =>
        db.Articles.Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    private static ReadingStateDto ToDto(ReadingState s) => new(s.Read, s.Archived, s.Favorite, s.ProgressOffset);
}
