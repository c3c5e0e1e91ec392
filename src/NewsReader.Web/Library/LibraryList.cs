using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library;

/// <summary>What a list shows: a view (filter), an order, and optionally one site, feed or folder of the reader's.</summary>
public sealed record ListView(ListFilter Filter = ListFilter.All, ListSort Sort = ListSort.Newest, string? Site = null, int? FeedId = null, string? Folder = null);

/// <summary>One row of a reader's article list.</summary>
public sealed record LibraryRow(
    string Slug, string Title, string? Dateline, ArticleSource Source, int ReadingMinutes, int WordCount, DateTime CreatedAt,
    int MyAnnotations, bool Read, bool Archived, bool Favorite, int ProgressPercent)
{
    /// <summary>A revision came in after the newest one this reader has seen.</summary>
    public bool Updated { get; init; }
    /// <summary>The date the list sorts on: published, else first ingested.</summary>
    public DateTime ListedAt { get; init; }
    /// <summary>The opening of the text, for two lines under the title.</summary>
    public string Excerpt { get; init; } = "";
    /// <summary>Annotations on it the reader can see: theirs and everyone's public ones.</summary>
    public int Annotations { get; init; }
    public int IngestedRevision { get; init; }
    public DateTime IngestedAt { get; init; }
    internal int ArticleId { get; init; }
}

/// <summary>
/// A page of the list: its rows, the cursor that picks up after its last row while older rows
/// follow (<see cref="Next"/>), and the one that picks up before its first row while newer ones
/// precede it (<see cref="Previous"/>).
/// </summary>
public sealed record LibraryPage(IReadOnlyList<LibraryRow> Rows, string? Next, string? Previous, int PageSize);

/// <summary>The sidebar's counts: articles in each view of the reader's library.</summary>
public sealed record LibraryCounts(int All, int Unread, int Favorites, int Annotated, int Updated, int Archived)
{
    public int this[ListFilter filter] => filter switch
    {
        ListFilter.Unread => Unread,
        ListFilter.Favorites => Favorites,
        ListFilter.Annotated => Annotated,
        ListFilter.Updated => Updated,
        ListFilter.Archived => Archived,
        _ => All,
    };
}

/// <summary>A site of the reader's library with how many of its articles it holds.</summary>
public sealed record LibrarySite(string Name, int Articles);

/// <summary>
/// The reader's list: the articles of their library (<see cref="ReaderLibrary"/>) in one view,
/// sorted by <see cref="Article.ListedAt"/> (or length), a page at a time. The API pages by
/// keyset (a cursor holding a row's sort key and id), in both directions, so a deep page costs
/// what the first does: no offset is ever scanned.
/// </summary>
public sealed class LibraryList(NewsReaderDb db, TimeProvider clock)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int ExcerptLength = 240;
    private const int SiteCount = 30;

    /// <summary>A page after <paramref name="cursor"/> (null: the first), at most <paramref name="limit"/> rows.</summary>
    public Task<LibraryPage> PageAfterAsync(string? userId, ListView view, string? cursor, int limit, CancellationToken ct = default) =>
        PageAsync(userId, view, cursor, before: null, limit, ct);

    /// <summary>
    /// The page after <paramref name="after"/>, or (when <paramref name="before"/> is given) the
    /// page that ends just before that cursor, read in the opposite order and turned round.
    /// </summary>
    public async Task<LibraryPage> PageAsync(string? userId, ListView view, string? after, string? before, int limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var backwards = Cursor.Read(before);
        var from = backwards ?? Cursor.Read(after);
        var rows = Sorted(Rows(userId, view), view.Sort, backwards is not null);
        if (from is not null)
        {
            rows = After(rows, view.Sort, from, backwards is not null);
        }
        // Two steps: the ids of the page first, so the database sorts bare keys, then the rows of
        // those ids alone (SQLite computes every selected column, counts and excerpt included,
        // for each row it sorts).
        var ids = await rows.Select(x => x.ArticleId).Take(limit + 1).ToListAsync(ct);
        var more = ids.Count > limit;
        ids = ids.Take(limit).ToList();
        var found = (await Rows(userId, view).Where(x => ids.Contains(x.ArticleId)).ToListAsync(ct)).ToDictionary(x => x.ArticleId);
        var page = ids.Where(found.ContainsKey).Select(id => ToRow(found[id])).ToList();
        if (backwards is not null)
        {
            page.Reverse();
        }
        if (page.Count == 0)
        {
            return new LibraryPage(page, null, null, limit);
        }
        // Coming from a cursor, there is always the page we came from on the other side.
        var older = backwards is not null ? true : more;
        var newer = backwards is not null ? more : from is not null;
        return new LibraryPage(page, older ? Cursor.Of(view.Sort, page[^1]) : null, newer ? Cursor.Of(view.Sort, page[0]) : null, limit);
    }

    /// <summary>
    /// How many articles each view of the reader's library holds: one row the database keeps up
    /// to date as every write happens (<see cref="CountingTriggers"/>), so the sidebar never
    /// counts the library itself.
    /// </summary>
    public async Task<LibraryCounts> CountsAsync(string userId, CancellationToken ct = default)
    {
        var counts = await db.LibraryViewCounts.AsNoTracking().Where(c => c.UserId == userId).FirstOrDefaultAsync(ct);
        return counts is null
            ? new LibraryCounts(0, 0, 0, 0, 0, 0)
            : new LibraryCounts(
                All: counts.Articles - counts.Archived,
                Unread: counts.Unread,
                Favorites: counts.Favorites,
                Annotated: counts.Annotated,
                Updated: counts.Updated,
                Archived: counts.Archived);
    }

    /// <summary>
    /// The sites of the library with most articles first, for the sidebar: a reader's from the
    /// counts the database keeps for them; a visitor's (the shared collection) counted.
    /// </summary>
    public async Task<IReadOnlyList<LibrarySite>> SitesAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is not null)
        {
            return await db.LibrarySiteCounts.AsNoTracking().Where(c => c.UserId == userId && c.Articles > 0)
                .OrderByDescending(c => c.Articles).ThenBy(c => c.SiteName).Take(SiteCount)
                .Select(c => new LibrarySite(c.SiteName, c.Articles))
                .ToListAsync(ct);
        }
        var library = ReaderLibrary.Ids(db, userId);
        var sites = await db.ArticleRevisions.Current()
            .Where(r => r.SiteName != null && library.Contains(r.ArticleId))
            .GroupBy(r => r.SiteName!)
            .Select(g => new { Name = g.Key, Articles = g.Count() })
            .OrderByDescending(s => s.Articles).ThenBy(s => s.Name).Take(SiteCount)
            .ToListAsync(ct);
        return sites.Select(s => new LibrarySite(s.Name, s.Articles)).ToList();
    }

    /// <summary>
    /// Marks every unread article of the view read; answers the ids it changed, so Undo
    /// (<see cref="MarkUnreadAsync"/>) puts back exactly those.
    /// </summary>
    public async Task<IReadOnlyList<int>> MarkAllReadAsync(string userId, ListView view, CancellationToken ct = default)
    {
        var ids = await UnreadIds(userId, view).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // One upsert of the batch's articles: a state row is made where there was none, and read
        // means seen, so the revision read is recorded in the same statement: not Updated any more.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkCounting.AroundAsync(db, userId, ids, new BulkReadingFacts(Read: true, Updated: false), async () =>
        {
            var upsert = $"""
                INSERT INTO "ReadingStates" ("UserId", "ArticleId", "Read", "Archived", "Favorite", "ProgressOffset", "UpdatedAt", "SeenRevision")
                SELECT b."UserId", b."ArticleId", TRUE, FALSE, FALSE, 0, {"{1}"}, (SELECT MAX(r."Number") FROM "ArticleRevisions" r WHERE r."ArticleId" = b."ArticleId")
                FROM "CountingBatches" b JOIN "Articles" a ON a."Id" = b."ArticleId" WHERE b."UserId" = {"{0}"}
                ON CONFLICT ("UserId", "ArticleId") DO UPDATE SET "Read" = TRUE, "UpdatedAt" = excluded."UpdatedAt", "SeenRevision" = excluded."SeenRevision"
                """;
            await db.Database.ExecuteSqlRawAsync(upsert, [userId, now], ct);
            return ids.Count;
        }, ct);
        await transaction.CommitAsync(ct);
        return ids;
    }

    /// <summary>
    /// The unread articles of the view (of its unread ones when it is All), from the reader's kept
    /// members (<see cref="LibraryMember"/>): whether an article is in the library and its reading
    /// facts are one row there, so nothing of the articles, their states or revisions is read.
    /// </summary>
    private IQueryable<int> UnreadIds(string userId, ListView view)
    {
        var members = db.LibraryMembers.Where(LibraryMember.InLibrary).Where(m => m.UserId == userId && !m.Read);
        members = view.Filter switch
        {
            ListFilter.Archived => members.Where(m => m.Archived),
            ListFilter.Favorites => members.Where(m => m.Favorite),
            ListFilter.Updated => members.Where(m => m.Updated),
            ListFilter.Annotated => members.Where(m => m.Annotated),
            _ => members.Where(m => !m.Archived),
        };
        return ScopeCandidates(userId, view) is { } candidates
            ? candidates.Distinct().Where(id => members.Any(m => m.ArticleId == id))
            : members.Select(m => m.ArticleId);
    }

    /// <summary>
    /// The ids of the library's articles in the view's feed, folder or site (the whole library
    /// when it names none), each once, gathered from the feed's or folder's items or the site's
    /// revisions (an index range), so only those articles are checked against the library rule.
    /// </summary>
    private IQueryable<int> ScopeIds(string? userId, ListView view)
    {
        if (ScopeCandidates(userId, view) is not { } ids)
        {
            return ReaderLibrary.Ids(db, userId);
        }
        var library = ReaderLibrary.Of(db, userId);
        return ids.Distinct().Where(id => library.Any(a => a.Id == id));
    }

    /// <summary>
    /// The articles of the view's feed, folder or site, possibly more than once and not yet checked
    /// against the library; null when the view names none of them.
    /// </summary>
    private IQueryable<int>? ScopeCandidates(string? userId, ListView view)
    {
        IQueryable<int> ids;
        if (view.FeedId is { } feedId)
        {
            ids = db.FeedItems.Where(i => i.FeedId == feedId).Select(i => i.ArticleId);
            if (view.Folder is { } feedFolder)
            {
                ids = ids.Where(id => db.FeedItems.Any(i => i.ArticleId == id
                    && db.Subscriptions.Any(s => s.UserId == userId && s.FeedId == i.FeedId && s.Folder == feedFolder)));
            }
        }
        else if (view.Folder is { } folder)
        {
            ids = from s in db.Subscriptions
                  where s.UserId == userId && s.Folder == folder
                  join i in db.FeedItems on s.FeedId equals i.FeedId
                  select i.ArticleId;
        }
        else if (view.Site is { } onlySite)
        {
            ids = db.ArticleRevisions.Current().Where(r => r.SiteName == onlySite).Select(r => r.ArticleId);
        }
        else
        {
            return null;
        }
        if (view.Site is { } site && (view.FeedId is not null || view.Folder is not null))
        {
            // SiteName has NOCASE collation, so this equality ignores case.
            ids = ids.Where(id => db.ArticleRevisions.Current().Any(r => r.ArticleId == id && r.SiteName == site));
        }
        return ids;
    }

    /// <summary>Undo of <see cref="MarkAllReadAsync"/>: these articles unread again.</summary>
    public async Task<int> MarkUnreadAsync(string userId, IReadOnlyList<int> articleIds, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await BulkCounting.AroundAsync(db, userId, articleIds, new BulkReadingFacts(Read: false), () =>
            db.Database.ExecuteSqlRawAsync(
                """UPDATE "ReadingStates" SET "Read" = FALSE WHERE "UserId" = {0} AND "ArticleId" IN (SELECT b."ArticleId" FROM "CountingBatches" b WHERE b."UserId" = {0})""",
                [userId], ct), ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>The row shape every list query selects, before it is sorted and paged (init properties, so EF can filter and sort on them).</summary>
    private sealed class Candidate
    {
        public int ArticleId { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Dateline { get; init; }
        public ArticleSource Source { get; init; } = null!;
        public int ReadingMinutes { get; init; }
        public int WordCount { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime ListedAt { get; init; }
        public int Number { get; init; }
        public DateTime IngestedAt { get; init; }
        public string Excerpt { get; init; } = "";
        public int TextLength { get; init; }
        public int Mine { get; init; }
        public int Visible { get; init; }
        public bool Read { get; init; }
        public bool Archived { get; init; }
        public bool Favorite { get; init; }
        public int Progress { get; init; }
        public bool Updated { get; init; }
    }

    private IQueryable<Candidate> Rows(string? userId, ListView view)
    {
        IQueryable<ArticleRevision> revisions;
        if (view.FeedId is not null)
        {
            // From the feed's items (with the view's folder, site and the library rule, see
            // ScopeIds), as the revisions' own condition so the database starts from them and
            // sorts those alone: walking the whole library newest first to keep one feed's costs
            // a library check per article passed over.
            var inFeed = ScopeIds(userId, view);
            revisions = db.ArticleRevisions.Current().Where(r => inFeed.Contains(r.ArticleId));
        }
        else
        {
            var articles = ReaderLibrary.Of(db, userId);
            if (view.Folder is { } folder)
            {
                articles = articles.Where(a => db.FeedItems.Any(i => i.ArticleId == a.Id
                    && db.Subscriptions.Any(s => s.UserId == userId && s.FeedId == i.FeedId && s.Folder == folder)));
            }
            revisions = db.ArticleRevisions.Current().Where(r => articles.Any(a => a.Id == r.ArticleId));
            if (view.Site is { } site)
            {
                // SiteName has NOCASE collation, so this equality ignores case.
                revisions = revisions.Where(r => r.SiteName == site);
            }
        }
        var rows =
            from r in revisions
            let state = db.ReadingStates.FirstOrDefault(s => s.UserId == userId && s.ArticleId == r.ArticleId)
            select new Candidate
            {
                ArticleId = r.ArticleId, Slug = r.Article.Slug, Title = r.Title, Dateline = r.Dateline,
                Source = new ArticleSource(r.Article.SourceUrl, r.SiteName, r.Author, r.Published, r.Language, r.Agency),
                ReadingMinutes = r.ReadingMinutes, WordCount = r.WordCount, CreatedAt = r.Article.CreatedAt, ListedAt = r.Article.ListedAt,
                Number = r.Number, IngestedAt = r.IngestedAt,
                Excerpt = r.Text.Substring(0, ExcerptLength), TextLength = r.Text.Length,
                Mine = db.Annotations.Count(a => a.ArticleId == r.ArticleId && a.OwnerId == userId),
                Visible = db.Annotations.Count(a => a.ArticleId == r.ArticleId && (a.OwnerId == userId || a.Visibility == Visibility.Public)),
                Read = state != null && state.Read,
                Archived = state != null && state.Archived,
                Favorite = state != null && state.Favorite,
                Progress = state == null ? 0 : state.ProgressOffset,
                Updated = state != null && state.SeenRevision != null && state.SeenRevision < r.Number,
            };
        return view.Filter switch
        {
            ListFilter.Unread => rows.Where(x => !x.Read && !x.Archived),
            ListFilter.Archived => rows.Where(x => x.Archived),
            ListFilter.Favorites => rows.Where(x => x.Favorite),
            ListFilter.Annotated => rows.Where(x => x.Mine > 0),
            ListFilter.Updated => rows.Where(x => x.Updated),
            _ => rows.Where(x => !x.Archived),
        };
    }

    /// <summary>The view's order, or (<paramref name="reverse"/>) its opposite, for reading a page backwards.</summary>
    private static IQueryable<Candidate> Sorted(IQueryable<Candidate> rows, ListSort sort, bool reverse) => (sort, reverse) switch
    {
        (ListSort.Oldest, false) or (ListSort.Newest, true) => rows.OrderBy(x => x.ListedAt).ThenBy(x => x.ArticleId),
        (ListSort.Longest, false) => rows.OrderByDescending(x => x.WordCount).ThenByDescending(x => x.ArticleId),
        (ListSort.Longest, true) => rows.OrderBy(x => x.WordCount).ThenBy(x => x.ArticleId),
        _ => rows.OrderByDescending(x => x.ListedAt).ThenByDescending(x => x.ArticleId),
    };

    /// <summary>The rows past the cursor in the order <see cref="Sorted"/> gives.</summary>
    private static IQueryable<Candidate> After(IQueryable<Candidate> rows, ListSort sort, Cursor after, bool reverse)
    {
        var at = new DateTime(after.Key, DateTimeKind.Utc);
        var words = (int)Math.Clamp(after.Key, int.MinValue, int.MaxValue);
        return (sort, reverse) switch
        {
            (ListSort.Oldest, false) or (ListSort.Newest, true) => rows.Where(x => x.ListedAt > at || (x.ListedAt == at && x.ArticleId > after.Id)),
            (ListSort.Longest, false) => rows.Where(x => x.WordCount < words || (x.WordCount == words && x.ArticleId < after.Id)),
            (ListSort.Longest, true) => rows.Where(x => x.WordCount > words || (x.WordCount == words && x.ArticleId > after.Id)),
            _ => rows.Where(x => x.ListedAt < at || (x.ListedAt == at && x.ArticleId < after.Id)),
        };
    }

    private static LibraryRow ToRow(Candidate x) =>
        new(x.Slug, x.Title, x.Dateline, x.Source, x.ReadingMinutes, x.WordCount, x.CreatedAt, x.Mine, x.Read, x.Archived, x.Favorite,
            x.Read ? 100 : x.TextLength == 0 ? 0 : (int)Math.Round(100.0 * Math.Min(x.Progress, x.TextLength) / x.TextLength))
        {
            Updated = x.Updated,
            ListedAt = x.ListedAt,
            Excerpt = Excerpt(x.Excerpt),
            Annotations = x.Visible,
            IngestedRevision = x.Number,
            IngestedAt = x.IngestedAt,
            ArticleId = x.ArticleId,
        };

    /// <summary>The opening words of the text on one line, cut at a word with an ellipsis when there is more.</summary>
    private static string Excerpt(string opening)
    {
        var flat = string.Join(' ', opening.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (opening.Length < ExcerptLength)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ');
        return (cut > 0 ? flat[..cut] : flat) + "…";
    }

    /// <summary>Where a page ends: the last row's sort key (ticks of its date, or its word count) and id, as opaque text.</summary>
    private sealed record Cursor(long Key, int Id)
    {
        public static string Of(ListSort sort, LibraryRow last) =>
            $"{(sort == ListSort.Longest ? last.WordCount : last.ListedAt.Ticks).ToString(CultureInfo.InvariantCulture)}.{last.ArticleId.ToString(CultureInfo.InvariantCulture)}";

        public static Cursor? Read(string? text)
        {
            var parts = text?.Split('.');
            return parts is [var key, var id]
                && long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k >= 0 && k <= DateTime.MaxValue.Ticks
                && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                ? new Cursor(k, i)
                : null;
        }
    }
}
