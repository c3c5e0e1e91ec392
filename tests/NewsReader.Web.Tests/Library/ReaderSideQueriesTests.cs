using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library;

/// <summary>
/// Issue #21: the sidebar's counts, sites, each feed's unread, one feed's list and the ids "mark
/// all as read" takes are gathered from the reader's side (their feeds' items, their entries, the
/// shared collection). Each is compared here with a recount in memory by the library rule
/// (<see cref="ReaderLibrary.Of"/>) over a library with every case the rule has: an article in
/// two feeds and twice in one, a shared feed, a shared article, a saved page, removed articles
/// that a feed and the shared collection bring, and states, revisions and notes of every kind.
/// </summary>
public sealed class ReaderSideQueriesTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private string alice = "", bob = "", carol = "";
    private int news, sport, sharedFeed, bobsFeed;

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        async Task<string> UserAsync(string name)
        {
            var user = new AppUser { UserName = $"{name}@example.org", Email = $"{name}@example.org" };
            Assert.True((await users.CreateAsync(user, TestUsers.Password)).Succeeded);
            return user.Id;
        }
        (alice, bob, carol) = (await UserAsync("alice-side"), await UserAsync("bob-side"), await UserAsync("carol-side"));

        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        var feeds = new[] { "news", "sport", "shared", "bobs" }.Select((name, i) => new Feed
        {
            Url = $"https://example.org/{name}.xml", Title = name, CreatedAt = now, NextPollAt = now.AddDays(30), Shared = name == "shared",
        }).ToArray();
        db.Feeds.AddRange(feeds);
        var sites = new[] { "Alpha", "Beta", null, "alpha" };
        var articles = Enumerable.Range(1, 24).Select(i => new Article
        {
            Slug = $"side-{i}", SourceKey = $"side:{i}", CreatedAt = now, ListedAt = now.AddHours(-i % 7), Shared = i == 20,
            Revisions = Enumerable.Range(1, i % 5 == 0 ? 2 : 1).Select(n => new ArticleRevision
            {
                Number = n, ContentHash = $"{i}-{n}", RawSource = "x", SourceFormat = "text", Title = $"Side story {i}",
                Text = $"Side story {i}, revision {n}.", SiteName = sites[i % sites.Length], WordCount = 5, ReadingMinutes = 1, IngestedAt = now,
            }).ToList(),
        }).ToArray();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        (news, sport, sharedFeed, bobsFeed) = (feeds[0].Id, feeds[1].Id, feeds[2].Id, feeds[3].Id);

        var key = 0;
        void Item(Feed feed, int article) => db.FeedItems.Add(new FeedItem
        {
            FeedId = feed.Id, ItemKey = $"item-{++key}", ContentHash = $"h{key}", ArticleId = articles[article - 1].Id, SeenAt = now,
            Error = key % 4 == 0 ? "timed out" : null, ErrorAt = key % 4 == 0 ? now : null,
        });
        foreach (var i in new[] { 1, 2, 3, 4, 5, 6, 7 }) { Item(feeds[0], i); }
        Item(feeds[0], 3); // the same story twice in one feed
        foreach (var i in new[] { 7, 8, 9, 10 }) { Item(feeds[1], i); } // 7 in two feeds
        foreach (var i in new[] { 11, 12, 13 }) { Item(feeds[2], i); }
        foreach (var i in new[] { 14, 15, 16, 1 }) { Item(feeds[3], i); }
        db.Subscriptions.AddRange(
            new Subscription { UserId = alice, FeedId = news, Folder = "Daily", CreatedAt = now },
            new Subscription { UserId = alice, FeedId = sport, CreatedAt = now },
            new Subscription { UserId = bob, FeedId = bobsFeed, Folder = "Daily", CreatedAt = now },
            new Subscription { UserId = bob, FeedId = news, CreatedAt = now });
        int Id(int article) => articles[article - 1].Id;
        db.LibraryEntries.AddRange(
            new LibraryEntry { UserId = alice, ArticleId = Id(17), AddedAt = now }, // saved
            new LibraryEntry { UserId = alice, ArticleId = Id(18), AddedAt = now }, // saved, then removed
            new LibraryEntry { UserId = alice, ArticleId = Id(4), Removed = true, AddedAt = now }, // a feed brings it
            new LibraryEntry { UserId = alice, ArticleId = Id(20), Removed = true, AddedAt = now }, // shared
            new LibraryEntry { UserId = alice, ArticleId = Id(12), Removed = true, AddedAt = now }, // a shared feed brings it
            new LibraryEntry { UserId = bob, ArticleId = Id(19), AddedAt = now });
        await db.SaveChangesAsync();
        var removedLater = Id(18);
        await db.LibraryEntries.Where(e => e.UserId == alice && e.ArticleId == removedLater).ExecuteUpdateAsync(s => s.SetProperty(e => e.Removed, true));

        ReadingState State(string user, int article, bool read = false, bool archived = false, bool favorite = false, int? seen = null) =>
            new() { UserId = user, ArticleId = Id(article), Read = read, Archived = archived, Favorite = favorite, SeenRevision = seen, UpdatedAt = now };
        db.ReadingStates.AddRange(
            State(alice, 1, read: true, seen: 1), State(alice, 2, archived: true), State(alice, 3, read: true, archived: true),
            State(alice, 5, favorite: true, seen: 1), State(alice, 10, read: true, seen: 2), State(alice, 9, favorite: true, read: true),
            State(alice, 4, read: true), State(alice, 14, favorite: true), State(alice, 11, archived: true, favorite: true),
            State(alice, 15, read: true, seen: 1), State(bob, 1, archived: true), State(bob, 14, favorite: true, seen: 1));
        Annotation Note(string owner, int article) => new()
        {
            Id = Guid.NewGuid(), OwnerId = owner, ArticleId = Id(article), Color = "yellow", Exact = "Side", Prefix = "", Suffix = " story",
            MadeOnRevision = 1, AnchoredRevision = 1, Start = 0, End = 4, Created = now, Modified = now,
        };
        db.Annotations.AddRange(Note(alice, 1), Note(alice, 1), Note(alice, 4), Note(alice, 8), Note(alice, 15), Note(alice, 12), Note(bob, 14), Note(bob, 2));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_sidebar_counts_sites_and_each_feeds_unread_match_a_recount_by_the_library_rule()
    {
        foreach (var reader in new[] { alice, bob, carol })
        {
            await AssertKeptCountsMatchARecountAsync(reader, "at the start");
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A visitor's sites: the shared collection's.
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            var shared = await ReaderLibrary.Of(db, null).Select(a => a.Id).ToListAsync();
            var sites = await scope.ServiceProvider.GetRequiredService<LibraryList>().SitesAsync(null);
            Assert.Equal(shared.Count(id => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Number).First().SiteName is not null),
                sites.Sum(s => s.Articles));
            Assert.Equal(shared.OrderBy(id => id), await ReaderLibrary.Ids(db, null).OrderBy(id => id).ToListAsync());
        }
    }

    /// <summary>
    /// The counts are kept by the database as every write happens (CountingTriggers): after each
    /// kind of write, through the app's services or straight to the tables, every reader's kept
    /// counts still equal a recount, and a full rebuild changes none of them.
    /// </summary>
    [Fact]
    public async Task After_every_kind_of_write_the_kept_counts_still_match_a_recount()
    {
        var readers = new List<string> { alice, bob, carol };
        async Task StepAsync(string what, Func<NewsReaderDb, IServiceProvider, Task> write)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await write(scope.ServiceProvider.GetRequiredService<NewsReaderDb>(), scope.ServiceProvider);
            }
            foreach (var reader in readers)
            {
                await AssertKeptCountsMatchARecountAsync(reader, what);
            }
        }
        async Task<int> IdAsync(NewsReaderDb db, int article) => await db.Articles.Where(a => a.Slug == $"side-{article}").Select(a => a.Id).SingleAsync();
        var now = new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

        await StepAsync("a second item of one article in a feed and a new item", async (db, _) =>
        {
            db.FeedItems.Add(new FeedItem { FeedId = sport, ItemKey = "again-8", ContentHash = "a8", ArticleId = await IdAsync(db, 8), SeenAt = now });
            db.FeedItems.Add(new FeedItem { FeedId = sport, ItemKey = "new-21", ContentHash = "n21", ArticleId = await IdAsync(db, 21), SeenAt = now });
            await db.SaveChangesAsync();
        });
        await StepAsync("an item deleted", async (db, _) => await db.FeedItems.Where(i => i.ItemKey == "again-8").ExecuteDeleteAsync());
        await StepAsync("an item moved to another article", async (db, _) =>
        {
            var id = await IdAsync(db, 22);
            await db.FeedItems.Where(i => i.ItemKey == "new-21").ExecuteUpdateAsync(s => s.SetProperty(i => i.ArticleId, id));
        });
        await StepAsync("read, archived, favourite and seen changes", async (db, _) =>
        {
            var (seven, eight) = (await IdAsync(db, 7), await IdAsync(db, 8));
            db.ReadingStates.Add(new ReadingState { UserId = alice, ArticleId = seven, Read = true, SeenRevision = 1, UpdatedAt = now });
            db.ReadingStates.Add(new ReadingState { UserId = bob, ArticleId = eight, Favorite = true, UpdatedAt = now });
            await db.SaveChangesAsync();
            await db.ReadingStates.Where(s => s.UserId == alice && s.Read).ExecuteUpdateAsync(s => s.SetProperty(x => x.Archived, true));
            await db.ReadingStates.Where(s => s.UserId == alice && s.Favorite).ExecuteDeleteAsync();
        });
        await StepAsync("mark all as read and its undo", async (_, services) =>
        {
            var list = services.GetRequiredService<LibraryList>();
            var marked = await list.MarkAllReadAsync(carol, new ListView());
            await list.MarkUnreadAsync(carol, marked.Take(2).ToList());
        });
        await StepAsync("a new revision on another site", async (db, _) =>
        {
            db.ArticleRevisions.Add(new ArticleRevision
            {
                ArticleId = await IdAsync(db, 7), Number = 2, ContentHash = "7-2", RawSource = "x", SourceFormat = "text", Title = "Side story 7",
                Text = "Side story 7, revised.", SiteName = "GAMMA", WordCount = 4, ReadingMinutes = 1, IngestedAt = now,
            });
            await db.SaveChangesAsync();
        });
        await StepAsync("notes added and deleted", async (db, _) =>
        {
            db.Annotations.Add(new Annotation
            {
                Id = Guid.NewGuid(), OwnerId = carol, ArticleId = await IdAsync(db, 20), Color = "yellow", Exact = "Side", Prefix = "", Suffix = " story",
                MadeOnRevision = 1, AnchoredRevision = 1, Start = 0, End = 4, Created = now, Modified = now,
            });
            await db.SaveChangesAsync();
            var eight = await IdAsync(db, 8);
            await db.Annotations.Where(n => n.OwnerId == alice && n.ArticleId == eight).ExecuteDeleteAsync();
        });
        await StepAsync("notes added and deleted while their article is out of the library, then put back", async (db, services) =>
        {
            var library = services.GetRequiredService<ReaderLibrary>();
            var (one, two) = (await IdAsync(db, 1), await IdAsync(db, 2));
            Assert.True(await library.RemoveAsync(alice, "side-1"));
            Assert.True(await library.RemoveAsync(alice, "side-2"));
            await db.Annotations.Where(n => n.OwnerId == alice && n.ArticleId == one).ExecuteDeleteAsync();
            db.Annotations.Add(new Annotation
            {
                Id = Guid.NewGuid(), OwnerId = alice, ArticleId = two, Color = "yellow", Exact = "Side", Prefix = "", Suffix = " story",
                MadeOnRevision = 1, AnchoredRevision = 1, Start = 0, End = 4, Created = now, Modified = now,
            });
            await db.SaveChangesAsync();
            Assert.True(await library.RestoreAsync(alice, "side-1"));
            Assert.True(await library.RestoreAsync(alice, "side-2"));
        });
        await StepAsync("taken out, put back, saved", async (_, services) =>
        {
            var library = services.GetRequiredService<ReaderLibrary>();
            Assert.True(await library.RemoveAsync(alice, "side-7"));
            Assert.True(await library.RemoveAsync(carol, "side-12"));
            Assert.True(await library.RestoreAsync(alice, "side-4"));
            var db = services.GetRequiredService<NewsReaderDb>();
            await library.AddAsync(carol, await IdAsync(db, 23));
            await db.LibraryEntries.Where(e => e.UserId == alice && e.ArticleId == db.Articles.Single(a => a.Slug == "side-18").Id).ExecuteDeleteAsync();
        });
        await StepAsync("an article shared and another unshared", async (db, _) =>
        {
            await db.Articles.Where(a => a.Slug == "side-5").ExecuteUpdateAsync(s => s.SetProperty(a => a.Shared, true));
            await db.Articles.Where(a => a.Slug == "side-20").ExecuteUpdateAsync(s => s.SetProperty(a => a.Shared, false));
        });
        await StepAsync("unsubscribe and subscribe", async (db, _) =>
        {
            await db.Subscriptions.Where(s => s.UserId == alice && s.FeedId == sport).ExecuteDeleteAsync();
            db.Subscriptions.Add(new Subscription { UserId = alice, FeedId = bobsFeed, Folder = "Daily", CreatedAt = now });
            db.Subscriptions.Add(new Subscription { UserId = carol, FeedId = sharedFeed, CreatedAt = now });
            await db.SaveChangesAsync();
        });
        await StepAsync("a feed shared and another unshared", async (db, _) =>
        {
            await db.Feeds.Where(f => f.Id == sport).ExecuteUpdateAsync(s => s.SetProperty(f => f.Shared, true));
            await db.Feeds.Where(f => f.Id == sharedFeed).ExecuteUpdateAsync(s => s.SetProperty(f => f.Shared, false));
        });
        await StepAsync("a new reader", async (_, services) =>
        {
            var dave = new AppUser { UserName = "dave-side@example.org", Email = "dave-side@example.org" };
            Assert.True((await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(dave, TestUsers.Password)).Succeeded);
            readers.Add(dave.Id);
        });
        await StepAsync("a shared feed deleted", async (db, _) => await db.Feeds.Where(f => f.Id == sport).ExecuteDeleteAsync());
        await StepAsync("a followed feed deleted through the model", async (db, _) =>
        {
            db.Feeds.Remove(await db.Feeds.Include(f => f.Items).SingleAsync(f => f.Id == news));
            await db.SaveChangesAsync();
        });
        await StepAsync("a followed feed deleted straight in the table", async (db, _) => await db.Feeds.Where(f => f.Id == bobsFeed).ExecuteDeleteAsync());
        await StepAsync("an article deleted", async (_, services) => Assert.True(await services.GetRequiredService<ArticleDeletion>().DeleteAsync("side-14")));
        await StepAsync("a reader deleted", async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(bob))!)).Succeeded);
            readers.Remove(bob);
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            Assert.Empty(await db.LibraryViewCounts.Where(c => c.UserId == bob).ToListAsync());
            var kept = await KeptAsync(db);
            await db.Database.ExecuteSqlRawAsync(CountingTriggers.Rebuild);
            var rebuilt = await KeptAsync(db);
            Assert.True(kept.SequenceEqual(rebuilt), $"kept only: {string.Join("; ", kept.Except(rebuilt))}; rebuilt only: {string.Join("; ", rebuilt.Except(kept))}");
        }
    }

    /// <summary>Every kept count, as text, for comparing two moments.</summary>
    private static async Task<List<string>> KeptAsync(NewsReaderDb db) =>
        [
            .. (await db.LibraryViewCounts.AsNoTracking().ToListAsync()).Select(c => $"{c.UserId} {c.Articles} {c.Unread} {c.Favorites} {c.Annotated} {c.Updated} {c.Archived}").Order(StringComparer.Ordinal),
            .. (await db.LibrarySiteCounts.AsNoTracking().Where(c => c.Articles != 0).ToListAsync()).Select(c => $"{c.UserId} {c.SiteName.ToUpperInvariant()} {c.Articles}").Order(StringComparer.Ordinal),
            .. (await db.FeedUnreadCounts.AsNoTracking().ToListAsync()).Select(c => $"{c.UserId} {c.FeedId} {c.Unread}").Order(StringComparer.Ordinal),
            .. (await db.LibraryMembers.AsNoTracking().Where(m => m.Paths > 0).ToListAsync()).Select(m => $"{m.UserId} {m.ArticleId} {m.Paths} {m.Removed} {m.Read} {m.Archived} {m.Favorite} {m.Annotated} {m.Updated} {m.SiteName}").Order(StringComparer.Ordinal),
        ];

    [Fact]
    public async Task One_feeds_list_holds_the_feeds_articles_in_the_readers_library_newest_first()
    {
        foreach (var (reader, feed) in new[] { (alice, news), (alice, sport), (alice, sharedFeed), (alice, bobsFeed), (bob, bobsFeed), (bob, news), (carol, sharedFeed) })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            var recount = await RecountAsync(db, reader);
            foreach (var filter in new[] { ListFilter.All, ListFilter.Unread, ListFilter.Favorites })
            {
                var expected = recount.FeedItems.Where(i => i.FeedId == feed).Select(i => i.ArticleId).Distinct()
                    .Where(recount.Library.Contains)
                    .Where(id => filter switch
                    {
                        ListFilter.Unread => recount.State(id) is { Read: false, Archived: false },
                        ListFilter.Favorites => recount.State(id).Favorite,
                        _ => !recount.State(id).Archived,
                    })
                    .OrderByDescending(id => recount.ListedAt[id]).ThenByDescending(id => id).ToList();
                var page = await scope.ServiceProvider.GetRequiredService<LibraryList>().PageAfterAsync(reader, new ListView(filter, FeedId: feed), null, 200);
                Assert.Equal(expected, page.Rows.Select(r => r.ArticleId).ToList());
            }
        }
    }

    [Fact]
    public async Task Mark_all_as_read_takes_exactly_the_unread_articles_of_each_view_and_its_undo_gives_them_back()
    {
        var views = new[]
        {
            new ListView(), new ListView(Folder: "Daily"), new ListView(FeedId: sport), new ListView(FeedId: sharedFeed), new ListView(Site: "alpha"),
            new ListView(ListFilter.Favorites), new ListView(ListFilter.Archived), new ListView(ListFilter.Annotated), new ListView(ListFilter.Updated),
            new ListView(FeedId: news, Folder: "Daily"), new ListView(FeedId: news, Site: "Beta"), new ListView(Folder: "Daily", Site: "Alpha"),
        };
        foreach (var reader in new[] { alice, bob, carol })
        {
            foreach (var view in views)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
                var recount = await RecountAsync(db, reader);
                var subscriptions = await db.Subscriptions.Where(s => s.UserId == reader).ToListAsync();
                var expected = recount.Library
                    .Where(id => view.FeedId is not { } feed || recount.FeedItems.Any(i => i.FeedId == feed && i.ArticleId == id))
                    .Where(id => view.Folder is not { } folder || recount.FeedItems.Any(i => i.ArticleId == id && subscriptions.Any(s => s.FeedId == i.FeedId && s.Folder == folder)))
                    .Where(id => view.Site is not { } site || string.Equals(recount.Current[id].SiteName, site, StringComparison.OrdinalIgnoreCase))
                    .Where(id => !recount.State(id).Read)
                    .Where(id => view.Filter switch
                    {
                        ListFilter.Favorites => recount.State(id).Favorite,
                        ListFilter.Archived => recount.State(id).Archived,
                        ListFilter.Annotated => recount.Annotated.Contains(id),
                        ListFilter.Updated => recount.State(id).SeenRevision < recount.Current[id].Number,
                        _ => !recount.State(id).Archived,
                    })
                    .Order().ToList();
                var before = await db.ReadingStates.AsNoTracking().Where(s => s.UserId == reader).ToDictionaryAsync(s => s.ArticleId, s => s.Read);

                var list = scope.ServiceProvider.GetRequiredService<LibraryList>();
                var marked = await list.MarkAllReadAsync(reader, view);
                Assert.Equal(expected, marked.Order().ToList());
                Assert.All(marked, id => Assert.True(db.ReadingStates.AsNoTracking().Single(s => s.UserId == reader && s.ArticleId == id).Read));
                await AssertKeptCountsMatchARecountAsync(reader, $"mark all as read of {view}");

                await list.MarkUnreadAsync(reader, marked);
                await AssertKeptCountsMatchARecountAsync(reader, $"the undo of mark all as read of {view}");
                var after = await db.ReadingStates.AsNoTracking().Where(s => s.UserId == reader).ToDictionaryAsync(s => s.ArticleId, s => s.Read);
                Assert.All(before, s => Assert.Equal(s.Value, after[s.Key]));
                Assert.All(after.Where(s => !before.ContainsKey(s.Key)), s => Assert.False(s.Value));
            }
        }
    }

    /// <summary>Every count the sidebar shows for the reader, against a recount by the library rule.</summary>
    private async Task AssertKeptCountsMatchARecountAsync(string reader, string after)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var recount = await RecountAsync(db, reader);
        var list = scope.ServiceProvider.GetRequiredService<LibraryList>();

        var counts = await list.CountsAsync(reader);
        var expected = new LibraryCounts(
            All: recount.Library.Count(id => !recount.State(id).Archived),
            Unread: recount.Library.Count(id => recount.State(id) is { Read: false, Archived: false }),
            Favorites: recount.Library.Count(id => recount.State(id).Favorite),
            Annotated: recount.Library.Count(recount.Annotated.Contains),
            Updated: recount.Library.Count(id => recount.State(id).SeenRevision < recount.Current[id].Number),
            Archived: recount.Library.Count(id => recount.State(id).Archived));
        Assert.True(expected == counts, $"after {after}: expected {expected}, kept {counts}");

        var expectedSites = recount.Library.Where(id => recount.Current[id].SiteName is not null)
            .GroupBy(id => recount.Current[id].SiteName!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key.ToUpperInvariant(), g.Count())).OrderBy(s => s.Item1).ToList();
        Assert.Equal(expectedSites, (await list.SitesAsync(reader)).Select(s => (s.Name.ToUpperInvariant(), s.Articles)).OrderBy(s => s.Item1).ToList());

        var feeds = await scope.ServiceProvider.GetRequiredService<FeedService>().ListAsync(reader);
        foreach (var feed in feeds)
        {
            var items = recount.FeedItems.Where(i => i.FeedId == feed.Id).Select(i => i.ArticleId).Distinct().ToList();
            var unread = items.Count(id => recount.Library.Contains(id) && recount.State(id) is { Read: false, Archived: false });
            Assert.True(unread == feed.Unread, $"after {after}: feed {feed.Title} has {unread} unread, kept {feed.Unread}");
            Assert.Equal(items.Count, feed.ArticleCount);
            Assert.Equal(recount.FeedItems.Count(i => i.FeedId == feed.Id && i.Error is not null), feed.ItemErrors);
        }
        Assert.Equal(await db.Subscriptions.CountAsync(s => s.UserId == reader), feeds.Count);
    }

    private sealed record Recount(
        HashSet<int> Library, Dictionary<int, ReadingState> States, Dictionary<int, (int Number, string? SiteName)> Current,
        Dictionary<int, DateTime> ListedAt, HashSet<int> Annotated, List<FeedItem> FeedItems)
    {
        private static readonly ReadingState None = new() { UserId = "", SeenRevision = int.MaxValue };

        public ReadingState State(int id) => States.GetValueOrDefault(id) ?? None;
    }

    /// <summary>Everything the expectations need, read plainly; the library by the rule every page uses.</summary>
    private static async Task<Recount> RecountAsync(NewsReaderDb db, string reader)
    {
        var library = (await ReaderLibrary.Of(db, reader).Select(a => a.Id).ToListAsync()).ToHashSet();
        var states = await db.ReadingStates.AsNoTracking().Where(s => s.UserId == reader).ToDictionaryAsync(s => s.ArticleId);
        // A state without a seen revision is never "updated": the fallback compares as not less.
        foreach (var state in states.Values.Where(s => s.SeenRevision is null))
        {
            state.SeenRevision = int.MaxValue;
        }
        var revisions = await db.ArticleRevisions.AsNoTracking().Select(r => new { r.ArticleId, r.Number, r.SiteName }).ToListAsync();
        var current = revisions.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Number).Select(r => (r.Number, r.SiteName)).First());
        var listedAt = await db.Articles.ToDictionaryAsync(a => a.Id, a => a.ListedAt);
        var annotated = (await db.Annotations.Where(n => n.OwnerId == reader).Select(n => n.ArticleId).ToListAsync()).ToHashSet();
        return new Recount(library, states, current, listedAt, annotated, await db.FeedItems.AsNoTracking().ToListAsync());
    }
}
