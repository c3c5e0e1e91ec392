using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library;

/// <summary>
/// Which stored articles are in a reader's library. Articles are stored once; a reader's library
/// is the shared collection (what the administrator ingests, and the items of feeds marked
/// shared), the items of the feeds they follow and the pages they saved, less what they took
/// out. Anonymous visitors have the shared collection. Everything that lists, searches or opens
/// an article asks here, so what is not in the library answers 404 everywhere alike.
/// </summary>
public sealed class ReaderLibrary(NewsReaderDb db, TimeProvider clock)
{
    /// <summary>The articles in <paramref name="userId"/>'s library (null: an anonymous visitor's).</summary>
    public IQueryable<Article> Articles(string? userId) => Of(db, userId);

    /// <summary>The same rule as a query any other query can compose (EF inlines it).</summary>
    public static IQueryable<Article> Of(NewsReaderDb db, string? userId)
    {
        if (userId is null)
        {
            return db.Articles.Where(a => a.Shared || db.FeedItems.Any(i => i.ArticleId == a.Id && db.Feeds.Any(f => f.Id == i.FeedId && f.Shared)));
        }
        return db.Articles.Where(a =>
            !db.LibraryEntries.Any(e => e.UserId == userId && e.ArticleId == a.Id && e.Removed)
            && (a.Shared
                || db.LibraryEntries.Any(e => e.UserId == userId && e.ArticleId == a.Id)
                || db.FeedItems.Any(i => i.ArticleId == a.Id
                    && (db.Subscriptions.Any(s => s.UserId == userId && s.FeedId == i.FeedId) || db.Feeds.Any(f => f.Id == i.FeedId && f.Shared)))));
    }

    /// <summary>
    /// The ids of the articles in the reader's library, gathered from the reader's side: the items
    /// of the feeds they follow (an index range each), the shared collection and their own
    /// entries, less what they removed. What counts the whole library uses this: the rule of
    /// <see cref="Of"/>, asked of every stored article, costs a few lookups per article stored,
    /// this one an index entry per article the reader has. The list keeps <see cref="Of"/>: it
    /// walks the newest articles and stops after a page.
    /// </summary>
    public static IQueryable<int> Ids(NewsReaderDb db, string? userId)
    {
        var shared = db.Articles.Where(a => a.Shared).Select(a => a.Id)
            .Union(from f in db.Feeds where f.Shared join i in db.FeedItems on f.Id equals i.FeedId select i.ArticleId);
        if (userId is null)
        {
            return shared;
        }
        return (from s in db.Subscriptions where s.UserId == userId join i in db.FeedItems on s.FeedId equals i.FeedId select i.ArticleId)
            .Union(shared)
            .Union(db.LibraryEntries.Where(e => e.UserId == userId && !e.Removed).Select(e => e.ArticleId))
            .Except(db.LibraryEntries.Where(e => e.UserId == userId && e.Removed).Select(e => e.ArticleId));
    }

    /// <summary>
    /// The same rule as SQL both engines run, on an article aliased <c>ar</c>, with the reader's
    /// id bound as <c>@user</c> (NULL for a visitor, which matches no reader's row).
    /// </summary>
    public const string SqlCondition = """
        NOT EXISTS (SELECT 1 FROM "LibraryEntries" le WHERE le."UserId" = @user AND le."ArticleId" = ar."Id" AND le."Removed")
        AND (ar."Shared"
             OR EXISTS (SELECT 1 FROM "LibraryEntries" le WHERE le."UserId" = @user AND le."ArticleId" = ar."Id")
             OR EXISTS (SELECT 1 FROM "FeedItems" fi WHERE fi."ArticleId" = ar."Id"
                        AND (EXISTS (SELECT 1 FROM "Subscriptions" s WHERE s."UserId" = @user AND s."FeedId" = fi."FeedId")
                             OR EXISTS (SELECT 1 FROM "Feeds" f WHERE f."Id" = fi."FeedId" AND f."Shared"))))
        """;

    /// <summary>The id of the article with this slug when it is in the reader's library, else null.</summary>
    public Task<int?> FindIdAsync(string? userId, string slug, CancellationToken cancellationToken = default) =>
        Articles(userId).Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> ContainsAsync(string? userId, string slug, CancellationToken cancellationToken = default) =>
        await FindIdAsync(userId, slug, cancellationToken) is not null;

    /// <summary>Puts a stored article in the reader's library (a saved page), or back after they removed it.</summary>
    public async Task AddAsync(string userId, int articleId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.LibraryEntries.Where(e => e.UserId == userId && e.ArticleId == articleId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Removed, false), cancellationToken) == 0)
        {
            db.LibraryEntries.Add(new LibraryEntry { UserId = userId, ArticleId = articleId, AddedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Saved twice at once: the other request's row is as good as ours.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Takes the article out of the reader's library: a tombstone, since a feed or the shared
    /// collection may bring it too. Their annotations stay, and show again if they add it back.
    /// False when it was not in their library.
    /// </summary>
    public async Task<bool> RemoveAsync(string userId, string slug, CancellationToken cancellationToken = default)
    {
        if (await FindIdAsync(userId, slug, cancellationToken) is not { } articleId)
        {
            return false;
        }
        if (await db.LibraryEntries.Where(e => e.UserId == userId && e.ArticleId == articleId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Removed, true), cancellationToken) == 0)
        {
            db.LibraryEntries.Add(new LibraryEntry { UserId = userId, ArticleId = articleId, Removed = true, AddedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Undo of <see cref="RemoveAsync"/>: the article back in the reader's library. False when they had not removed it.</summary>
    public async Task<bool> RestoreAsync(string userId, string slug, CancellationToken cancellationToken = default) =>
        await db.LibraryEntries.Where(e => e.UserId == userId && e.Removed && db.Articles.Any(a => a.Id == e.ArticleId && a.Slug == slug))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Removed, false), cancellationToken) > 0;

    /// <summary>
    /// Keeps in the reader's library the articles of a feed they annotated, before they stop
    /// following it: their notes must not vanish with the subscription.
    /// </summary>
    public async Task KeepAnnotatedAsync(string userId, int feedId, CancellationToken cancellationToken = default)
    {
        var annotated = await db.FeedItems.Where(i => i.FeedId == feedId)
            .Where(i => db.Annotations.Any(a => a.ArticleId == i.ArticleId && a.OwnerId == userId))
            .Where(i => !db.LibraryEntries.Any(e => e.UserId == userId && e.ArticleId == i.ArticleId))
            .Select(i => i.ArticleId).Distinct().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.LibraryEntries.AddRange(annotated.Select(id => new LibraryEntry { UserId = userId, ArticleId = id, AddedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
