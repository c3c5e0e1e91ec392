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
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            var recount = await RecountAsync(db, reader);
            var list = scope.ServiceProvider.GetRequiredService<LibraryList>();

            var counts = await list.CountsAsync(reader);
            Assert.Equal(recount.Library.Count(id => !recount.State(id).Archived), counts.All);
            Assert.Equal(recount.Library.Count(id => recount.State(id) is { Read: false, Archived: false }), counts.Unread);
            Assert.Equal(recount.Library.Count(id => recount.State(id).Favorite), counts.Favorites);
            Assert.Equal(recount.Library.Count(id => recount.State(id).Archived), counts.Archived);
            Assert.Equal(recount.Library.Count(id => recount.State(id).SeenRevision < recount.Current[id].Number), counts.Updated);
            Assert.Equal(recount.Library.Count(recount.Annotated.Contains), counts.Annotated);

            var expectedSites = recount.Library.Where(id => recount.Current[id].SiteName is not null)
                .GroupBy(id => recount.Current[id].SiteName!, StringComparer.OrdinalIgnoreCase)
                .Select(g => (g.Key.ToUpperInvariant(), g.Count())).OrderBy(s => s.Item1).ToList();
            Assert.Equal(expectedSites, (await list.SitesAsync(reader)).Select(s => (s.Name.ToUpperInvariant(), s.Articles)).OrderBy(s => s.Item1).ToList());

            var feeds = await scope.ServiceProvider.GetRequiredService<FeedService>().ListAsync(reader);
            foreach (var feed in feeds)
            {
                var items = recount.FeedItems.Where(i => i.FeedId == feed.Id).Select(i => i.ArticleId).Distinct().ToList();
                Assert.Equal(items.Count(id => recount.Library.Contains(id) && recount.State(id) is { Read: false, Archived: false }), feed.Unread);
                Assert.Equal(items.Count, feed.ArticleCount);
                Assert.Equal(recount.FeedItems.Count(i => i.FeedId == feed.Id && i.Error is not null), feed.ItemErrors);
            }
            Assert.Equal(await db.Subscriptions.CountAsync(s => s.UserId == reader), feeds.Count);
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

                await list.MarkUnreadAsync(reader, marked);
                var after = await db.ReadingStates.AsNoTracking().Where(s => s.UserId == reader).ToDictionaryAsync(s => s.ArticleId, s => s.Read);
                Assert.All(before, s => Assert.Equal(s.Value, after[s.Key]));
                Assert.All(after.Where(s => !before.ContainsKey(s.Key)), s => Assert.False(s.Value));
            }
        }
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
