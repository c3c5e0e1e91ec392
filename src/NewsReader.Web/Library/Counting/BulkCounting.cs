using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library.Counting;

/// <summary>
/// The reading facts a bulk change leaves on every one of its articles: null where it leaves a
/// fact as it was. "Mark all as read" reads every article and records its newest revision as
/// seen (<c>Read</c> true, <c>Updated</c> false); its undo makes them unread again.
/// </summary>
public sealed record BulkReadingFacts(bool? Read = null, bool? Archived = null, bool? Favorite = null, bool? Updated = null);

/// <summary>
/// Counts for a change to thousands of one reader's articles at once ("mark all as read" and its
/// undo): row by row, the members' triggers cost more than the change itself. The articles are
/// named in <see cref="CountingBatchEntry"/> rows for the change's transaction, which the
/// reading states' and the members' update triggers pass by. The change says what reading facts
/// it leaves (<see cref="BulkReadingFacts"/>), so each kind of count moves by the difference
/// between the members as they are and as they will be, in one statement, and the members get
/// their new facts in one more. The change must write reading states only, and only so that
/// they say what it said; anything else it writes is counted by the triggers as ever, as are
/// other articles and other readers.
/// </summary>
public static class BulkCounting
{
    /// <summary>Runs <paramref name="change"/> on the reader's <paramref name="articleIds"/>; the caller's transaction must be open.</summary>
    public static async Task<T> AroundAsync<T>(NewsReaderDb db, string userId, IReadOnlyCollection<int> articleIds, BulkReadingFacts facts, Func<Task<T>> change, CancellationToken ct)
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
            // Another transaction must not change these members while they are counted and rewritten: their rows are locked first.
            await db.Database.ExecuteSqlRawAsync(
                """SELECT 1 FROM "LibraryMembers" m WHERE m."UserId" = {0} AND m."ArticleId" IN (SELECT b."ArticleId" FROM "CountingBatches" b WHERE b."UserId" = {0}) FOR UPDATE""",
                [userId], ct);
        }
        await CountAsync(db, userId, facts, ct);
        var sets = Facts(facts).Select(f => $"\"{f.Column}\" = {f.Value}").ToList();
        if (sets.Count > 0)
        {
            var rewrite = $"""
                UPDATE "LibraryMembers" SET {string.Join(", ", sets)}
                WHERE "UserId" = {"{0}"} AND "ArticleId" IN (SELECT b."ArticleId" FROM "CountingBatches" b WHERE b."UserId" = {"{0}"})
                """;
            await db.Database.ExecuteSqlRawAsync(rewrite, [userId], ct);
        }
        var result = await change();
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "CountingBatches" WHERE "UserId" = {0}""", [userId], ct);
        return result;
    }

    /// <summary>Moves each view's and each feed's count by what the batch's members count after the change less what they count now.</summary>
    private static async Task CountAsync(NewsReaderDb db, string userId, BulkReadingFacts facts, CancellationToken ct)
    {
        // Each member of the batch as it is (m) and as it will be (n), with the reader's id bound as {0}.
        var after = $"""
            (SELECT "UserId", "ArticleId", "Paths", "Removed", "Annotated", "SiteName", {string.Join(", ", Facts(facts, all: true).Select(f => $"{f.Value} AS \"{f.Column}\""))}
             FROM "LibraryMembers")
            """;
        var members = $"""
            FROM "CountingBatches" b JOIN "LibraryMembers" m ON m."UserId" = b."UserId" AND m."ArticleId" = b."ArticleId"
            JOIN {after} n ON n."UserId" = m."UserId" AND n."ArticleId" = m."ArticleId"
            """;
        const string OfReader = """b."UserId" = {0}""";
        var sums = string.Join(", ", CountingTriggers.Views.Select(v =>
            $"COALESCE(SUM((CASE WHEN {v.Counts("n")} THEN 1 ELSE 0 END) - (CASE WHEN {v.Counts("m")} THEN 1 ELSE 0 END)), 0) AS \"{v.Column}\""));
        var sets = string.Join(", ", CountingTriggers.Views.Select(v => $"\"{v.Column}\" = \"LibraryViewCounts\".\"{v.Column}\" + s.\"{v.Column}\""));
        var views = $"""
            UPDATE "LibraryViewCounts" SET {sets}
            FROM (SELECT {sums} {members} WHERE {OfReader}) s
            WHERE "LibraryViewCounts"."UserId" = {"{0}"}
            """;
        await db.Database.ExecuteSqlRawAsync(views, [userId], ct);
        // Per feed, an article counts once however many of the feed's items bring it.
        var feeds = $"""
            UPDATE "FeedUnreadCounts" SET "Unread" = "FeedUnreadCounts"."Unread" + f."Change"
            FROM (SELECT fi."FeedId",
                    COUNT(DISTINCT CASE WHEN {CountingTriggers.Unread("n")} THEN m."ArticleId" END)
                    - COUNT(DISTINCT CASE WHEN {CountingTriggers.Unread("m")} THEN m."ArticleId" END) AS "Change"
                  {members} JOIN "FeedItems" fi ON fi."ArticleId" = m."ArticleId"
                  WHERE {OfReader} GROUP BY fi."FeedId") f
            WHERE "FeedUnreadCounts"."UserId" = {"{0}"} AND "FeedUnreadCounts"."FeedId" = f."FeedId" AND f."Change" <> 0
            """;
        await db.Database.ExecuteSqlRawAsync(feeds, [userId], ct);
        // The sites' counts stay: reading facts never take an article in or out of the library nor change its site.
    }

    /// <summary>The facts the change sets, as SQL values (with <paramref name="all"/>, the ones it keeps too, as their columns).</summary>
    private static IEnumerable<(string Column, string Value)> Facts(BulkReadingFacts facts, bool all = false)
    {
        foreach (var (column, value) in new[] { ("Read", facts.Read), ("Archived", facts.Archived), ("Favorite", facts.Favorite), ("Updated", facts.Updated) })
        {
            if (value is { } set)
            {
                yield return (column, set ? "TRUE" : "FALSE");
            }
            else if (all)
            {
                yield return (column, $"\"{column}\"");
            }
        }
    }
}
