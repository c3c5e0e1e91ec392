using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Reading;

/// <summary>The reading state as the API and pages exchange it.</summary>
public sealed record ReadingStateDto(bool Read, bool Archived, bool Favorite, int ProgressOffset);

/// <summary>A change to the reading state; fields left null stay as they are.</summary>
public sealed record ReadingStateChange(bool? Read, bool? Archived, bool? Favorite, int? ProgressOffset);

/// <summary>Which articles a list shows and in what order.</summary>
public enum ListFilter { All, Unread, Archived, Favorites, Annotated, Updated }

public enum ListSort { Newest, Oldest, Longest }

/// <summary>
/// Read / archived / favourite / progress per reader and article, and the article list built on
/// them. The pages and `/api/articles/{slug}/state` both go through here.
/// </summary>
public sealed class ReadingService(NewsReaderDb db, TimeProvider clock)
{

    public async Task<ReadingStateDto?> GetAsync(string userId, string slug, CancellationToken ct = default)
    {
        var articleId = await ArticleIdAsync(userId, slug, ct);
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
        var library = ReaderLibrary.Of(db, userId);
        var article = await db.ArticleRevisions.NewestFirst(slug).Where(r => library.Any(a => a.Id == r.ArticleId))
            .Select(r => new { r.ArticleId, r.Number, r.Text.Length }).FirstOrDefaultAsync(ct);
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
        // Read means seen: marking read (from the list, the API or by reaching the end) records
        // the revision read, so the reader is told when a later one comes in.
        if (change.Read == true)
        {
            state.SeenRevision = article.Number;
        }
        state.Archived = change.Archived ?? state.Archived;
        state.Favorite = change.Favorite ?? state.Favorite;
        state.ProgressOffset = change.ProgressOffset ?? state.ProgressOffset;
        state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (ToDto(state), null);
    }

    private Task<int?> ArticleIdAsync(string userId, string slug, CancellationToken ct) =>
        ReaderLibrary.Of(db, userId).Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);

    private static ReadingStateDto ToDto(ReadingState s) => new(s.Read, s.Archived, s.Favorite, s.ProgressOffset);
}
