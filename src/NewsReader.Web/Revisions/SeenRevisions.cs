using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Revisions;

/// <summary>
/// Read means seen: every way of marking an article read (the list's "Mark all as read", the
/// state API, reaching the end in the reader) records the revision read, so a reader is told when
/// a later one comes in (the banner, the `updated` filter).
/// </summary>
public static class SeenRevisions
{
    /// <summary>
    /// Sets <see cref="ReadingState.SeenRevision"/> to each article's current revision on the
    /// reader's existing reading states of <paramref name="articleIds"/>; rows not yet created are
    /// left to the caller, who can take the numbers from <see cref="CurrentAsync"/>.
    /// </summary>
    public static Task<int> RecordAsync(NewsReaderDb db, string userId, IReadOnlyCollection<int> articleIds, CancellationToken ct) =>
        db.ReadingStates.Where(s => s.UserId == userId && articleIds.Contains(s.ArticleId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeenRevision,
                x => db.ArticleRevisions.Where(r => r.ArticleId == x.ArticleId).Max(r => (int?)r.Number)), ct);

    /// <summary>Each article's current revision number.</summary>
    public static Task<Dictionary<int, int>> CurrentAsync(NewsReaderDb db, IReadOnlyCollection<int> articleIds, CancellationToken ct) =>
        db.ArticleRevisions.Where(r => articleIds.Contains(r.ArticleId)).GroupBy(r => r.ArticleId)
            .Select(g => new { g.Key, Number = g.Max(r => r.Number) }).ToDictionaryAsync(x => x.Key, x => x.Number, ct);
}
