using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library.Counting;

/// <summary>
/// Counts for a change to thousands of one reader's articles at once ("mark all as read" and its
/// undo): row by row, the members' triggers cost more than the change itself. The articles are
/// named in <see cref="CountingBatchEntry"/> rows for the change's transaction, which the
/// reading states' and the members' update triggers pass by; what those members counted is
/// taken away in one statement per kind of count before the change, their reading-state facts
/// read again in one statement after it, and what they count then added the same way. So the
/// change may write reading states in any way; anything else it writes is counted by the
/// triggers as ever, as are other articles and other readers.
/// </summary>
public static class BulkCounting
{
    /// <summary>Runs <paramref name="change"/> on the reader's <paramref name="articleIds"/>; the caller's transaction must be open.</summary>
    public static async Task<T> AroundAsync<T>(NewsReaderDb db, string userId, IReadOnlyCollection<int> articleIds, Func<Task<T>> change, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk count needs the change's transaction open: its rows must never outlive it.");
        }
        foreach (var chunk in articleIds.Distinct().Chunk(1000))
        {
            // The ids are integers, so writing them into the statement is safe.
            var insert = $"""INSERT INTO "CountingBatches" ("UserId", "ArticleId") VALUES {string.Join(", ", chunk.Select(id => $"({{0}}, {id.ToString(CultureInfo.InvariantCulture)})"))}""";
            await db.Database.ExecuteSqlRawAsync(insert, [userId], ct);
        }
        if (DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres)
        {
            // Another transaction must not change these members between the two counts: their rows are locked first.
            await db.Database.ExecuteSqlRawAsync(
                """SELECT 1 FROM "LibraryMembers" m WHERE m."UserId" = {0} AND m."ArticleId" IN (SELECT b."ArticleId" FROM "CountingBatches" b WHERE b."UserId" = {0}) FOR UPDATE""",
                [userId], ct);
        }
        await CountAsync(db, userId, -1, ct);
        var result = await change();
        await db.Database.ExecuteSqlRawAsync(CountingTriggers.BulkStateFacts, [userId], ct);
        await CountAsync(db, userId, +1, ct);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "CountingBatches" WHERE "UserId" = {0}""", [userId], ct);
        return result;
    }

    /// <summary>Adds (<paramref name="sign"/> +1) or takes away (-1) what the batch's members count now.</summary>
    private static async Task CountAsync(NewsReaderDb db, string userId, int sign, CancellationToken ct)
    {
        // The batch's members, with the reader's id bound as {0}.
        const string Members = """FROM "CountingBatches" b JOIN "LibraryMembers" m ON m."UserId" = b."UserId" AND m."ArticleId" = b."ArticleId" """;
        const string OfReader = """b."UserId" = {0}""";
        var sums = string.Join(", ", CountingTriggers.Views.Select(v => $"COALESCE(SUM(CASE WHEN {v.Counts("m")} THEN 1 ELSE 0 END), 0) AS \"{v.Column}\""));
        var sets = string.Join(", ", CountingTriggers.Views.Select(v => $"\"{v.Column}\" = \"LibraryViewCounts\".\"{v.Column}\" + {sign} * s.\"{v.Column}\""));
        var views = $"""
            UPDATE "LibraryViewCounts" SET {sets}
            FROM (SELECT {sums} {Members} WHERE {OfReader}) s
            WHERE "LibraryViewCounts"."UserId" = {"{0}"}
            """;
        await db.Database.ExecuteSqlRawAsync(views, [userId], ct);
        // Per feed, an article counts once however many of the feed's items bring it.
        var feeds = $"""
            UPDATE "FeedUnreadCounts" SET "Unread" = "FeedUnreadCounts"."Unread" + {sign} * f."Articles"
            FROM (SELECT fi."FeedId", COUNT(DISTINCT m."ArticleId") AS "Articles" {Members} JOIN "FeedItems" fi ON fi."ArticleId" = m."ArticleId"
                  WHERE {OfReader} AND {CountingTriggers.Unread("m")} GROUP BY fi."FeedId") f
            WHERE "FeedUnreadCounts"."UserId" = {"{0}"} AND "FeedUnreadCounts"."FeedId" = f."FeedId"
            """;
        await db.Database.ExecuteSqlRawAsync(feeds, [userId], ct);
        var sites = $"""SELECT m."SiteName", COUNT(*) AS "Articles" {Members} WHERE {OfReader} AND {CountingTriggers.InLibrary("m")} AND m."SiteName" IS NOT NULL GROUP BY m."SiteName" """;
        var siteCounts = sign < 0
            ? $"""
              UPDATE "LibrarySiteCounts" SET "Articles" = "LibrarySiteCounts"."Articles" - s."Articles"
              FROM ({sites}) s WHERE "LibrarySiteCounts"."UserId" = {"{0}"} AND "LibrarySiteCounts"."SiteName" = s."SiteName"
              """
            : $"""
              INSERT INTO "LibrarySiteCounts" ("UserId", "SiteName", "Articles") SELECT {"{0}"}, s."SiteName", s."Articles" FROM ({sites}) s WHERE TRUE
              ON CONFLICT ("UserId", "SiteName") DO UPDATE SET "Articles" = "LibrarySiteCounts"."Articles" + excluded."Articles"
              """;
        await db.Database.ExecuteSqlRawAsync(siteCounts, [userId], ct);
    }
}
