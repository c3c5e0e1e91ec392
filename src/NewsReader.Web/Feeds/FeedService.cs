using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Feeds;

/// <summary>
/// A feed as one reader's list shows it: their title and folder for it, and how many of its
/// articles they have not read. <paramref name="LastError"/> is the poll's failure, else the
/// latest item whose page failed; <paramref name="ItemErrors"/> counts such items.
/// </summary>
public sealed record FeedSummary(int Id, string Title, string Url, string? SiteUrl, DateTime? LastFetched, string? LastError, int ArticleCount, DateTime NextPollAt,
    string? Folder = null, int Unread = 0, bool Shared = false, int ItemErrors = 0);

/// <summary>A reader's change to their subscription (title, folder; empty clears) and, for an administrator, whether the feed is shared.</summary>
public sealed record SubscriptionChange(string? Title, string? Folder, bool? Shared);

/// <summary>
/// What one poll did: not modified (a 304, or the same bytes again), or the items added,
/// revised and unchanged, and of them the ones whose page failed (kept with the item's own
/// text, tried again later); or the error.
/// </summary>
public sealed record FeedRefresh(bool NotModified, int Added, int Revised, int Unchanged, int Failed, FetchException? Error = null);

/// <summary>The counts of an OPML import.</summary>
public sealed record OpmlImport(int Added, int Existing, int Invalid);

/// <summary>
/// Subscriptions and their polling. A feed is stored and polled once however many readers
/// follow it; each reader's <see cref="Subscription"/> holds their title and folder. A poll reads as one function (<see cref="PollAsync"/>):
/// claim, fetch with the stored validators, store the items, record the outcome and the next
/// due time, release.
/// </summary>
public sealed class FeedService(NewsReaderDb db, PageFetcher fetcher, ArticleIngester ingester, ReaderLibrary library, TimeProvider clock, IOptions<FeedOptions> options, ILogger<FeedService> logger)
{
    /// <summary>The reader's subscriptions, by folder and title.</summary>
    public async Task<IReadOnlyList<FeedSummary>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        (await Summaries(userId, db.Subscriptions.Where(s => s.UserId == userId)).ToListAsync(cancellationToken))
            .OrderBy(f => f.Folder ?? "\uffff", StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Title, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id).ToList();

    /// <summary>The reader's subscription to this feed, or null when they do not follow it.</summary>
    public Task<FeedSummary?> FindAsync(int id, string userId, CancellationToken cancellationToken = default) =>
        Summaries(userId, db.Subscriptions.Where(s => s.UserId == userId && s.FeedId == id)).FirstOrDefaultAsync(cancellationToken);

    // Two items of one feed may lead to one article (the same story twice), so articles are counted once.
    // Unread: the feed's articles the reader has neither read, archived nor taken out of their library.
    private IQueryable<FeedSummary> Summaries(string userId, IQueryable<Subscription> subscriptions) =>
        from s in subscriptions.AsNoTracking()
        join f in db.Feeds on s.FeedId equals f.Id
        select new FeedSummary(f.Id, s.Title ?? f.Title, f.Url, f.SiteUrl, f.LastFetched,
            f.LastError ?? db.FeedItems.Where(i => i.FeedId == f.Id && i.Error != null).OrderByDescending(i => i.ErrorAt).Select(i => i.Error).FirstOrDefault(),
            db.FeedItems.Where(i => i.FeedId == f.Id).Select(i => i.ArticleId).Distinct().Count(), f.NextPollAt,
            s.Folder,
            // Kept by the database as items, reading states and removals change (CountingTriggers).
            db.FeedUnreadCounts.Where(c => c.UserId == userId && c.FeedId == f.Id).Select(c => c.Unread).FirstOrDefault(),
            f.Shared,
            db.FeedItems.Count(i => i.FeedId == f.Id && i.Error != null));

    /// <summary>
    /// Subscribes to the feed at <paramref name="url"/> and stores its items now; a feed already
    /// subscribed is answered as it is. Nothing is kept when the address does not serve a feed.
    /// </summary>
    public async Task<(FeedSummary Feed, bool Created)> SubscribeAsync(string userId, string? url, CancellationToken cancellationToken = default)
    {
        var uri = PageFetcher.ParseUrl(url);
        var canonical = CanonicalUrl.Normalize(uri.AbsoluteUri)!;
        if (await db.Feeds.Where(f => f.Url == canonical).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken) is { } knownId)
        {
            // Another reader follows it already: it is not fetched again, only followed.
            var followed = await FollowAsync(userId, knownId, null, cancellationToken);
            return ((await FindAsync(knownId, userId, cancellationToken))!, followed);
        }
        var document = await fetcher.FetchAsync(uri, cancellationToken: cancellationToken);
        var extraction = Extract(document);
        if (extraction.Feed is null && !extraction.BrokenFeed && Announced(document) is { } announced)
        {
            // A page that names its feed: the subscription is to the feed.
            logger.LogInformation("{Url} announces the feed {Feed}", PageFetcher.ForLog(uri), PageFetcher.ForLog(announced));
            uri = announced;
            canonical = CanonicalUrl.Normalize(uri.AbsoluteUri)!;
            if (await db.Feeds.Where(f => f.Url == canonical).Select(f => (int?)f.Id).FirstOrDefaultAsync(cancellationToken) is { } announcedId)
            {
                var followedAnnounced = await FollowAsync(userId, announcedId, null, cancellationToken);
                return ((await FindAsync(announcedId, userId, cancellationToken))!, followedAnnounced);
            }
            document = await fetcher.FetchAsync(uri, cancellationToken: cancellationToken);
            extraction = Extract(document);
        }
        var (items, about) = ReadFeed(document, extraction, $"{uri} is not a feed (RSS, Atom or JSON Feed) and names none; to keep a page, save it from the list page.");
        var now = Now;
        // Created already claimed, so the poller cannot start on it while its first items go in.
        var feed = new Feed
        {
            Url = canonical,
            Title = about.Title ?? uri.Host,
            SiteUrl = CanonicalUrl.WebLink(about.SiteUrl),
            CreatedAt = now,
            NextPollAt = now + options.Value.Interval,
            PollingSince = now,
        };
        db.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        await FollowAsync(userId, feed.Id, null, cancellationToken);
        logger.LogInformation("Subscribed to feed {FeedId} {Url}", feed.Id, PageFetcher.ForLog(uri));
        try
        {
            await StoreAsync(feed, document, items, ContentHash.Of(document.Body), extraction.Truncation, cancellationToken);
        }
        finally
        {
            await ReleaseAsync(feed, cancellationToken);
        }
        return ((await FindAsync(feed.Id, userId, cancellationToken))!, true);
    }

    /// <summary>The reader follows the feed (in <paramref name="folder"/>); false when they did already.</summary>
    private async Task<bool> FollowAsync(string userId, int feedId, string? folder, CancellationToken cancellationToken)
    {
        if (await db.Subscriptions.AnyAsync(s => s.UserId == userId && s.FeedId == feedId, cancellationToken))
        {
            return false;
        }
        db.Subscriptions.Add(new Subscription { UserId = userId, FeedId = feedId, Folder = folder, CreatedAt = Now });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Sets the reader's title and folder for a feed they follow (empty text clears either);
    /// <paramref name="administrator"/> may also mark the feed shared. Null when they do not follow it
    /// (an administrator may share a feed they do not follow).
    /// </summary>
    public async Task<FeedSummary?> ChangeAsync(string userId, bool administrator, int id, SubscriptionChange change, CancellationToken cancellationToken = default)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == userId && s.FeedId == id, cancellationToken);
        if (subscription is null && !(administrator && change.Shared is not null && await db.Feeds.AnyAsync(f => f.Id == id, cancellationToken)))
        {
            return null;
        }
        if (subscription is not null)
        {
            if (change.Title is not null)
            {
                subscription.Title = string.IsNullOrWhiteSpace(change.Title) ? null : Limit(change.Title.Trim(), 300);
            }
            if (change.Folder is not null)
            {
                subscription.Folder = string.IsNullOrWhiteSpace(change.Folder) ? null : Limit(change.Folder.Trim(), 100);
            }
        }
        if (administrator && change.Shared is { } shared)
        {
            await db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Shared, shared), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await FindAnyAsync(id, userId, cancellationToken);
    }

    /// <summary>The reader's subscription to the feed, else the feed as it is (for an administrator who does not follow it); null when there is no such feed.</summary>
    public async Task<FeedSummary?> FindAnyAsync(int id, string userId, CancellationToken cancellationToken = default) =>
        await FindAsync(id, userId, cancellationToken)
        ?? await db.Feeds.AsNoTracking().Where(f => f.Id == id).Select(f => new FeedSummary(f.Id, f.Title, f.Url, f.SiteUrl, f.LastFetched, f.LastError,
            db.FeedItems.Where(i => i.FeedId == f.Id).Select(i => i.ArticleId).Distinct().Count(), f.NextPollAt, null, 0, f.Shared)).SingleOrDefaultAsync(cancellationToken);

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>
    /// Follows every feed of an OPML file the reader does not follow yet, in its folder; feeds
    /// new to the store are fetched by the poller as soon as it runs, the others are already.
    /// </summary>
    public async Task<OpmlImport> ImportAsync(string userId, OpmlSubscriptions subscriptions, CancellationToken cancellationToken = default)
    {
        var stored = await db.Feeds.ToDictionaryAsync(f => f.Url, StringComparer.Ordinal, cancellationToken);
        var mine = (await db.Subscriptions.Where(s => s.UserId == userId).Select(s => s.FeedId).ToListAsync(cancellationToken)).ToHashSet();
        var now = Now;
        var added = 0;
        var existing = 0;
        foreach (var outline in subscriptions.Feeds)
        {
            if (!stored.TryGetValue(outline.Url, out var feed))
            {
                feed = new Feed { Url = outline.Url, Title = outline.Title ?? new Uri(outline.Url).Host, SiteUrl = CanonicalUrl.WebLink(outline.SiteUrl), CreatedAt = now, NextPollAt = now };
                db.Add(feed);
                await db.SaveChangesAsync(cancellationToken);
                stored[outline.Url] = feed;
            }
            else if (mine.Contains(feed.Id))
            {
                existing++;
                continue;
            }
            mine.Add(feed.Id);
            db.Subscriptions.Add(new Subscription { UserId = userId, FeedId = feed.Id, Folder = outline.Folder is { } f ? Limit(f, 100) : null, CreatedAt = now });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("OPML import: {Added} added, {Existing} existing, {Invalid} invalid", added, existing, subscriptions.Invalid);
        return new OpmlImport(added, existing, subscriptions.Invalid);
    }

    /// <summary>The reader's subscriptions, with their folders, as an OPML 2.0 file (UTF-8 bytes, <see cref="Opml.ContentType"/>).</summary>
    public async Task<byte[]> ExportAsync(string userId, CancellationToken cancellationToken = default) =>
        Opml.Write((await ListAsync(userId, cancellationToken)).Select(f => new OpmlFeed(f.Url, f.Title, f.SiteUrl, f.Folder)).ToList(), clock.GetUtcNow());

    /// <summary>
    /// The reader stops following the feed; the articles of it they annotated stay in their
    /// library. A feed nobody follows any more, and not shared, is forgotten with its items.
    /// </summary>
    public async Task<bool> UnsubscribeAsync(string userId, int id, CancellationToken cancellationToken = default)
    {
        if (!await db.Subscriptions.AnyAsync(s => s.UserId == userId && s.FeedId == id, cancellationToken))
        {
            return false;
        }
        await library.KeepAnnotatedAsync(userId, id, cancellationToken);
        await db.Subscriptions.Where(s => s.UserId == userId && s.FeedId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Feeds.Where(f => f.Id == id && !f.Shared && !db.Subscriptions.Any(s => s.FeedId == f.Id)).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Unsubscribed from feed {FeedId}", id);
        return true;
    }

    /// <summary>Whether the reader follows the feed, so may have it polled now.</summary>
    public Task<bool> FollowsAsync(string userId, int id, CancellationToken cancellationToken = default) =>
        db.Subscriptions.AnyAsync(s => s.UserId == userId && s.FeedId == id, cancellationToken);

    /// <summary>Polls one feed now; null when there is no such feed, and a busy answer when it is being polled already.</summary>
    public async Task<FeedRefresh?> RefreshAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await PollAsync(id, cancellationToken) is { } refresh)
        {
            return refresh;
        }
        // The claim failed: the feed is gone, or another poll holds it.
        return await db.Feeds.AnyAsync(f => f.Id == id, cancellationToken) ? throw new FeedBusyException(id) : null;
    }

    /// <summary>The feeds due now, for the poller.</summary>
    public async Task<IReadOnlyList<int>> DueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        return await db.Feeds.Where(f => f.NextPollAt <= now).OrderBy(f => f.NextPollAt).Select(f => f.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One poll of one feed: null when another poll holds it. A failure is recorded on the feed
    /// (its error and a doubled wait), never thrown at the caller's loop.
    /// </summary>
    public Task<FeedRefresh?> PollAsync(int id, CancellationToken cancellationToken = default) => PollAsync(id, onlyWhenDue: false, cancellationToken);

    /// <summary>
    /// The poller's poll: as <see cref="PollAsync(int, CancellationToken)"/>, but only while the
    /// feed is still due when claimed, so an instance whose list of due feeds is a moment old
    /// never polls again what another instance has just polled.
    /// </summary>
    public Task<FeedRefresh?> PollIfDueAsync(int id, CancellationToken cancellationToken = default) => PollAsync(id, onlyWhenDue: true, cancellationToken);

    private async Task<FeedRefresh?> PollAsync(int id, bool onlyWhenDue, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(id, onlyWhenDue, cancellationToken))
        {
            logger.LogDebug("Feed {FeedId} is being polled already", id);
            return null;
        }
        var feed = await db.Feeds.SingleAsync(f => f.Id == id, cancellationToken);
        try
        {
            var document = await fetcher.FetchAsync(new Uri(feed.Url), new CacheValidators(feed.ETag, feed.LastModified), cancellationToken);
            if (document.NotModified)
            {
                Succeeded(feed);
                logger.LogInformation("Feed {FeedId} not modified", feed.Id);
                return await RetryPagesAsync(feed, new FeedRefresh(true, 0, 0, 0, 0), cancellationToken);
            }
            var bodyHash = ContentHash.Of(document.Body);
            if (bodyHash == feed.ContentHash)
            {
                // A server without validators sent the same bytes: as good as a 304, and nothing to parse.
                Succeeded(feed);
                return await RetryPagesAsync(feed, new FeedRefresh(true, 0, 0, 0, 0), cancellationToken);
            }
            var extraction = Extract(document);
            var (items, about) = ReadFeed(document, extraction, $"{feed.Url} no longer serves a feed (RSS, Atom or JSON Feed).");
            feed.Title = about.Title ?? feed.Title;
            feed.SiteUrl = CanonicalUrl.WebLink(about.SiteUrl) ?? feed.SiteUrl;
            return await StoreAsync(feed, document, items, bodyHash, extraction.Truncation, cancellationToken);
        }
        catch (FetchException failure)
        {
            feed.ErrorCount++;
            feed.LastError = failure.Message;
            feed.LastFetched = Now;
            var wait = options.Value.Interval * Math.Pow(2, Math.Min(feed.ErrorCount, 16));
            feed.NextPollAt = Now + (wait > FeedOptions.MaxBackoff ? FeedOptions.MaxBackoff : wait);
            logger.LogWarning("Polling feed {FeedId} failed ({Failure}): {Reason}; next try at {NextPollAt:u}", feed.Id, failure.Failure, failure.Message, feed.NextPollAt);
            return new FeedRefresh(false, 0, 0, 0, 0, failure);
        }
        finally
        {
            await ReleaseAsync(feed, cancellationToken);
        }
    }

    /// <summary>
    /// Stores the items of a fetched feed. An item seen before with the same source is passed
    /// by; a summary is replaced by the page its link leads to; each goes in under the feed's id
    /// and the item's key. No item is ever lost: when its page cannot be fetched the item's own
    /// text is the article, the failure is kept on the item for the feed list, and the page is
    /// tried again with back-off (<see cref="RetryPagesAsync"/>). The validators are kept
    /// whatever happened to the items, so the next poll is conditional; but not for a feed cut
    /// short (<paramref name="truncation"/>): they name the whole feed, whose rest is still to come.
    /// </summary>
    private async Task<FeedRefresh> StoreAsync(Feed feed, FetchedDocument document, IReadOnlyList<ExtractedArticle> items, string bodyHash, string? truncation,
        CancellationToken cancellationToken)
    {
        var seen = await db.FeedItems.Where(i => i.FeedId == feed.Id).ToDictionaryAsync(i => i.ItemKey, cancellationToken);
        int added = 0, revised = 0, unchanged = 0, failed = 0;
        // A feed of hundreds of new items is bulk work: paced, so other readers' writes get in.
        var pacing = new BulkWorkPacing(clock);
        foreach (var item in items)
        {
            await pacing.RestIfDueAsync(cancellationToken);
            var itemHash = ContentHash.Of(item.RawSource);
            var itemKey = item.ItemKey ?? CanonicalUrl.Normalize(item.Article.Metadata.SourceUrl) ?? itemHash;
            if (seen.TryGetValue(itemKey, out var known) && known.ContentHash == itemHash)
            {
                unchanged++;
                continue;
            }
            var (article, pageFailure) = await FullArticleAsync(item, cancellationToken);
            var outcome = await ingester.IngestFetchedAsync(article, $"feed:{feed.Id}:{itemKey}", document.Url.AbsoluteUri, cancellationToken);
            var articleId = await db.Articles.Where(a => a.Slug == outcome.Slug).Select(a => a.Id).SingleAsync(cancellationToken);
            if (known is null)
            {
                known = new FeedItem { FeedId = feed.Id, ItemKey = itemKey, ContentHash = itemHash };
                db.Add(known);
                seen[itemKey] = known;
            }
            known.ContentHash = itemHash;
            known.ArticleId = articleId;
            known.SeenAt = Now;
            known.Attempts = 0;
            Record(known, pageFailure is null ? null : ItemError(item, pageFailure));
            await db.SaveChangesAsync(cancellationToken);
            failed += pageFailure is null ? 0 : 1;
            switch (outcome.Outcome)
            {
                case IngestionOutcome.Added: added++; break;
                case IngestionOutcome.Revised: revised++; break;
                default: unchanged++; break;
            }
        }
        Succeeded(feed);
        if (truncation is null)
        {
            feed.ETag = document.Validators.ETag;
            feed.LastModified = document.Validators.LastModified;
            feed.ContentHash = bodyHash;
        }
        else
        {
            feed.LastError = $"{document.Url}: {truncation}.";
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Polled feed {FeedId}: {Added} added, {Revised} revised, {Unchanged} unchanged, {Failed} pages failed", feed.Id, added, revised, unchanged, failed);
        return await RetryPagesAsync(feed, new FeedRefresh(false, added, revised, unchanged, failed), cancellationToken);
    }

    /// <summary>
    /// Tries again the pages of items kept with their own text whose retry is due; a page that
    /// arrives becomes the article's next revision. Each failure doubles the wait, up to
    /// <see cref="FeedOptions.MaxPageAttempts"/> tries; the last error stays on the item.
    /// </summary>
    private async Task<FeedRefresh> RetryPagesAsync(Feed feed, FeedRefresh refresh, CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.FeedItems.Where(i => i.FeedId == feed.Id && i.RetryAt != null && i.RetryAt <= now)
            .Join(db.Articles, i => i.ArticleId, a => a.Id, (i, a) => new { Item = i, a.SourceUrl }).ToListAsync(cancellationToken);
        var revised = 0;
        foreach (var pending in due)
        {
            if (!Uri.TryCreate(pending.SourceUrl, UriKind.Absolute, out var link))
            {
                pending.Item.RetryAt = null;
                continue;
            }
            try
            {
                var page = UrlSaver.ExtractPage(await fetcher.FetchAsync(link, cancellationToken: cancellationToken));
                if (page.Article.Metadata.SourceUrl is null)
                {
                    page = page with { Article = page.Article with { Metadata = page.Article.Metadata with { SourceUrl = pending.SourceUrl } } };
                }
                var outcome = await ingester.IngestFetchedAsync(page, $"feed:{feed.Id}:{pending.Item.ItemKey}", link.AbsoluteUri, cancellationToken);
                revised += outcome.Outcome == IngestionOutcome.Revised ? 1 : 0;
                pending.Item.Attempts = 0;
                Record(pending.Item, null);
            }
            catch (FetchException failure)
            {
                Record(pending.Item, $"{link}: {failure.Message}");
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        if (due.Count > 0)
        {
            logger.LogInformation("Feed {FeedId}: {Retried} item pages tried again, {Revised} arrived", feed.Id, due.Count, revised);
        }
        return refresh with { Revised = refresh.Revised + revised };
    }

    /// <summary>Records a page fetch's outcome on its item: cleared, or the error and the next try after a doubled wait.</summary>
    private void Record(FeedItem item, string? error)
    {
        if (error is null)
        {
            (item.Error, item.ErrorAt, item.RetryAt) = (null, null, null);
            return;
        }
        item.Error = error;
        item.ErrorAt = Now;
        item.Attempts++;
        item.RetryAt = item.Attempts >= FeedOptions.MaxPageAttempts ? null : Now + options.Value.Interval * Math.Pow(2, item.Attempts - 1);
    }

    private static string ItemError(ExtractedArticle item, FetchException failure) =>
        $"{item.Article.Metadata.SourceUrl ?? item.ItemKey}: {failure.Message}";

    /// <summary>
    /// The document read as a feed. A parser that fails unexpectedly fails the poll like a fetch
    /// (its error shown, the next poll later), so a feed that cannot be parsed is never tried again every minute.
    /// </summary>
    private static ExtractionResult Extract(FetchedDocument document)
    {
        try
        {
            return ArticleExtractor.Extract(document.Body, document.FileName, document.Url);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new FetchException(FetchFailure.NoArticle, $"{document.Url} serves a feed that could not be read ({ex.GetType().Name}).", ex);
        }
    }

    /// <summary>
    /// The items of a fetched feed and what the feed says of itself; a feed that cannot be read
    /// says why (cut short, broken), and a body that is no feed is refused with <paramref name="notAFeed"/>.
    /// </summary>
    private static (IReadOnlyList<ExtractedArticle> Items, FeedChannel About) ReadFeed(FetchedDocument document, ExtractionResult extraction, string notAFeed) =>
        extraction switch
        {
            { Feed: { } about } => (extraction.Articles, about),
            { BrokenFeed: true } => throw new FetchException(FetchFailure.NoArticle, $"{document.Url} serves a feed that cannot be read: {extraction.Refusal}."),
            _ => throw new FetchException(FetchFailure.NoArticle, notAFeed),
        };

    /// <summary>The first feed an HTML page announces with &lt;link rel="alternate"&gt;, or null.</summary>
    private static Uri? Announced(FetchedDocument document) =>
        SourceDecoder.Decode(document.Body).Text is { } text && SourceFormats.Detect(document.FileName, text) is HtmlArticleParser
            ? FeedDiscovery.Find(text, document.Url).FirstOrDefault()
            : null;

    /// <summary>
    /// The item as is when it carries the article, else the page its link leads to; when that
    /// page cannot be fetched or read, the item as is and why.
    /// </summary>
    private async Task<(ExtractedArticle Article, FetchException? PageFailure)> FullArticleAsync(ExtractedArticle item, CancellationToken cancellationToken)
    {
        if (item.Article.WordCount >= FeedOptions.SummaryWords || PageLink(item) is not { } link)
        {
            return (item, null);
        }
        ExtractedArticle page;
        try
        {
            page = UrlSaver.ExtractPage(await fetcher.FetchAsync(link, cancellationToken: cancellationToken));
        }
        catch (FetchException failure)
        {
            logger.LogWarning("Feed item {ItemKey}: page not fetched, the item's own text kept: {Reason}", item.ItemKey, failure.Message);
            return (item, failure);
        }
        var metadata = page.Article.Metadata;
        return (page with
        {
            Article = page.Article with
            {
                Metadata = metadata with
                {
                    SourceUrl = metadata.SourceUrl ?? item.Article.Metadata.SourceUrl,
                    SiteName = metadata.SiteName ?? item.Article.Metadata.SiteName,
                    Author = metadata.Author ?? item.Article.Metadata.Author,
                    Published = metadata.Published ?? item.Article.Metadata.Published,
                    Tags = metadata.Tags.Count > 0 ? metadata.Tags : item.Article.Metadata.Tags,
                },
            },
        }, null);
    }

    /// <summary>
    /// The page to fetch for a summary: its http(s) link, unless the item is keyed by a link
    /// with a fragment (a daily page with an anchor per post), whose page holds many items.
    /// </summary>
    private static Uri? PageLink(ExtractedArticle item) =>
        Uri.TryCreate(item.Article.Metadata.SourceUrl, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps)
            && !(item.ItemKey is { } key && key.Contains('#') && Uri.TryCreate(key, UriKind.Absolute, out var keyed) && keyed.Fragment.Length > 1)
            ? link
            : null;

    private void Succeeded(Feed feed)
    {
        feed.LastFetched = Now;
        feed.LastError = null;
        feed.ErrorCount = 0;
        feed.NextPollAt = Now + options.Value.Interval;
    }

    /// <summary>
    /// Takes the feed for this poll, unless a live poll holds it (or, for the poller, it is no
    /// longer due). One conditional UPDATE, so of two instances claiming at once one wins; on
    /// PostgreSQL the row is picked FOR UPDATE SKIP LOCKED, so the loser passes on at once
    /// instead of queueing behind the winner's lock.
    /// </summary>
    private async Task<bool> ClaimAsync(int id, bool onlyWhenDue, CancellationToken cancellationToken)
    {
        var now = Now;
        var stale = now - FeedOptions.StaleClaim;
        if (DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres)
        {
            return await db.Database.ExecuteSqlAsync($"""
                UPDATE "Feeds" SET "PollingSince" = {now}
                WHERE "Id" = (SELECT "Id" FROM "Feeds"
                              WHERE "Id" = {id} AND ("PollingSince" IS NULL OR "PollingSince" < {stale}) AND (NOT {onlyWhenDue} OR "NextPollAt" <= {now})
                              FOR UPDATE SKIP LOCKED)
                """, cancellationToken) == 1;
        }
        return await db.Feeds
            .Where(f => f.Id == id && (f.PollingSince == null || f.PollingSince < stale) && (!onlyWhenDue || f.NextPollAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PollingSince, now), cancellationToken) == 1;
    }

    /// <summary>Saves the outcome and gives the claim back, even when the poll was cancelled.</summary>
    private async Task ReleaseAsync(Feed feed, CancellationToken cancellationToken)
    {
        feed.PollingSince = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.PollingSince, (DateTime?)null), CancellationToken.None);
            throw;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>A refresh asked for while another poll of the same feed runs.</summary>
public sealed class FeedBusyException(int id) : Exception($"Feed {id} is being polled right now.");
