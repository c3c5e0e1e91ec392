using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Cli;

/// <summary>
/// `recount`: counts every reader's sidebar anew from the source tables
/// (<see cref="CountingTriggers.Rebuild"/>) and says how many kept counts were off. The
/// triggers keep them on every write, so this should say 0; it is there for a library edited by
/// hand with the triggers dropped, and as the check that they are right.
/// </summary>
public static class RecountCommand
{
    public const string Verb = "recount";

    public static async Task<int> RunVerbAsync(WebApplication app, string[] args)
    {
        await app.Services.MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await KeptAsync(db);
        await db.Database.ExecuteSqlRawAsync(CountingTriggers.Rebuild);
        var after = await KeptAsync(db);
        await transaction.CommitAsync();
        var off = before.Keys.Union(after.Keys).Count(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key));
        Console.WriteLine($"{Verb}: {after.Count} counts for {await db.LibraryViewCounts.CountAsync()} readers counted anew; off before the recount: {off}.");
        return 0;
    }

    private static async Task<Dictionary<string, int>> KeptAsync(NewsReaderDb db)
    {
        var views = await db.LibraryViewCounts.AsNoTracking().ToListAsync();
        var feeds = await db.FeedUnreadCounts.AsNoTracking().ToListAsync();
        var sites = await db.LibrarySiteCounts.AsNoTracking().Where(s => s.Articles != 0).ToListAsync();
        return new[]
        {
            views.SelectMany(v => new[]
            {
                ($"{v.UserId} articles", v.Articles), ($"{v.UserId} unread", v.Unread), ($"{v.UserId} favorites", v.Favorites),
                ($"{v.UserId} annotated", v.Annotated), ($"{v.UserId} updated", v.Updated), ($"{v.UserId} archived", v.Archived),
            }),
            feeds.Select(f => ($"{f.UserId} feed {f.FeedId}", f.Unread)),
            sites.Select(s => ($"{s.UserId} site {s.SiteName.ToUpperInvariant()}", s.Articles)),
        }.SelectMany(counts => counts).ToDictionary(c => c.Item1, c => c.Item2, StringComparer.Ordinal);
    }
}
