using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsReader.Web.Library.Ingestion;

/// <summary>
/// Loads source files (plain text, Markdown, HTML, feeds) into the store. Idempotent: a file
/// whose size, time or hash says it is unchanged is not parsed again; the same content is
/// never stored twice; changed content becomes a new revision of the article it made; a bad
/// file is skipped with its reason while the others go in. Files are parsed in parallel, a
/// chunk ahead of the one writer, and written in batches of several chunks, one transaction a
/// batch; a file is stored whole or not at all.
/// </summary>
public sealed class ArticleIngester(NewsReaderDb db, ILogger<ArticleIngester> logger, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>Files read and parsed together, ahead of the writer.</summary>
    private const int ChunkSize = 64;

    /// <summary>
    /// A write transaction is committed once it holds this many files, or has been open this
    /// long. Each commit cost 10-15 ms of the writer's time (the WAL's pages written and
    /// checkpointed, the FTS index's pending terms flushed into new segments), so a transaction
    /// spans chunks; the time bound keeps the app's other writers from waiting long behind it.
    /// </summary>
    private const int BatchFiles = 512;

    private static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(250);

    /// <summary>Ingests a single file, or every file in a folder and its subfolders.</summary>
    /// <param name="progress">Told each file's outcomes as soon as the file is stored.</param>
    /// <param name="keyRoot">The folder files are keyed relative to; by default the folder given (a file's own folder for a file).</param>
    public async Task<IngestionReport> IngestAsync(string path, IProgress<IReadOnlyList<IngestedFile>>? progress = null, CancellationToken cancellationToken = default,
        string? keyRoot = null)
    {
        var fullPath = Path.GetFullPath(path);
        IReadOnlyList<string> files;
        if (File.Exists(fullPath))
        {
            files = [fullPath];
        }
        else if (Directory.Exists(fullPath))
        {
            files = SourceFileReader.Enumerate(fullPath);
        }
        else
        {
            logger.LogWarning("Ingestion path {Path} does not exist; nothing ingested", fullPath);
            return new IngestionReport([]);
        }

        // One read of what earlier runs saw, so an unchanged file costs a stat and a lookup.
        var root = KeyRoot(fullPath, keyRoot);
        var keys = files.ToDictionary(f => f, f => SourceKey(f, root));
        var known = files.Count == 1
            ? await db.SourceFiles.AsNoTracking().Where(f => f.Path == keys[files[0]]).ToDictionaryAsync(f => f.Path, cancellationToken)
            : await db.SourceFiles.AsNoTracking().ToDictionaryAsync(f => f.Path, cancellationToken);

        // Reading and parsing (the costly part, and free of the database) run on every core, a
        // chunk ahead of the one writer; chunks keep the files' order, so outcomes such as which
        // of two copies is the duplicate do not depend on timing.
        var chunks = files.Chunk(ChunkSize).ToList();
        var outcomes = new List<IngestedFile>();
        var batch = new WriteBatch(this, db, logger, outcomes, progress);
        try
        {
            var next = chunks.Count > 0 ? PrepareAsync(chunks[0], keys, known, cancellationToken) : null;
            for (var i = 0; i < chunks.Count; i++)
            {
                var prepared = await next!;
                next = i + 1 < chunks.Count ? PrepareAsync(chunks[i + 1], keys, known, cancellationToken) : null;
                await batch.WriteAsync(prepared, cancellationToken);
                if (batch.Full)
                {
                    await batch.CommitAsync(cancellationToken);
                }
            }
            await batch.CommitAsync(cancellationToken);
        }
        finally
        {
            await batch.DisposeAsync();
        }
        var report = new IngestionReport(outcomes);
        logger.LogInformation("Ingested {Path}: {Summary}", fullPath, report.ToString());
        return report;
    }

    /// <summary>Ingests a file an administrator uploaded; the same name uploaded again with other content is a new revision.</summary>
    public async Task<IReadOnlyList<IngestedFile>> IngestUploadAsync(string fileName, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(fileName);
        var key = "upload/" + name;
        var known = await db.SourceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Path == key, cancellationToken);
        var outcomes = new List<IngestedFile>();
        await using var batch = new WriteBatch(this, db, logger, outcomes, null);
        await batch.WriteAsync([Prepare(name, key, bytes, new SourceStamp(bytes.Length, 0), known)], cancellationToken);
        await batch.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// Stores one article fetched from the web (a saved page, a feed item) under
    /// <paramref name="sourceKey"/> (its canonical URL, or its feed and item id), through the
    /// same rules as files: the same content again is unchanged, the same content under another
    /// key is a duplicate, changed content is a new revision that re-anchors annotations.
    /// </summary>
    /// <param name="origin">Where it came from, for the outcome and the log (the URL fetched).</param>
    public async Task<IngestedFile> IngestFetchedAsync(ExtractedArticle extracted, string sourceKey, string origin, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IngestedFile outcome;
        using (var writer = new ArticleWriter(db))
        {
            outcome = await StoreAsync(writer, origin, sourceKey, extracted, cancellationToken,
                sourceKey.StartsWith("feed:", StringComparison.Ordinal) ? RevisionOrigins.Feed : RevisionOrigins.Url);
        }
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private Task<PreparedFile[]> PrepareAsync(string[] chunk, Dictionary<string, string> keys, Dictionary<string, SourceFile> known, CancellationToken cancellationToken) =>
        Task.Run(() => chunk.AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(file => PrepareFile(file, keys[file], known.GetValueOrDefault(keys[file])))
            .ToArray(), cancellationToken);

    /// <summary>Everything about one file that needs no database: stat, read, hash, parse.</summary>
    private PreparedFile PrepareFile(string file, string key, SourceFile? known)
    {
        try
        {
            var info = new FileInfo(file);
            var stamp = new SourceStamp(info.Length, info.LastWriteTimeUtc.Ticks);
            if (known is not null && known.Size == stamp.Size && known.ModifiedTicks == stamp.ModifiedTicks)
            {
                return new PreparedFile(file, key, stamp, known.ContentHash, known, Unchanged: true);
            }
            var read = SourceFileReader.Read(file);
            return read.Refusal is not null
                ? new PreparedFile(file, key, stamp, "", known, Refusal: read.Refusal)
                : Prepare(file, key, read.Bytes!, stamp, known);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // One file that cannot be read must not stop the others, nor the app's start.
            return new PreparedFile(file, key, default, "", known, Refusal: $"could not be read: {ex.Message}");
        }
    }

    private PreparedFile Prepare(string file, string key, byte[] bytes, SourceStamp stamp, SourceFile? known)
    {
        var hash = ContentHash.Of(bytes);
        if (known is not null && known.ContentHash == hash)
        {
            return new PreparedFile(file, key, stamp, hash, known, Unchanged: true);
        }
        ExtractionResult extraction;
        try
        {
            extraction = ArticleExtractor.Extract(bytes, Path.GetFileName(file));
        }
        catch (Exception ex)
        {
            // A parser that fails on some file must cost that file only; the reason is logged with it.
            logger.LogWarning(ex, "Parsing {File} failed", file);
            return new PreparedFile(file, key, stamp, hash, known, Refusal: $"could not be parsed ({ex.GetType().Name})");
        }
        if (extraction.Truncation is not null)
        {
            logger.LogWarning("{File}: {Truncation}", file, extraction.Truncation);
        }
        // What each article is known by and its hash are worked out here, on the parsing threads, not by the one writer.
        var articles = extraction.Articles.Select(a => new ReadyArticle(a, FileArticleKey(a, key), ContentHash.Of(a.RawSource))).ToList();
        return new PreparedFile(file, key, stamp, hash, known, Refusal: extraction.Refusal, Articles: articles);
    }

    /// <summary>The files in one transaction, each behind its own savepoint, so a file that cannot be stored is rolled back alone.</summary>
    private async Task<List<IReadOnlyList<IngestedFile>>> WriteFileByFileAsync(IReadOnlyList<PreparedFile> chunk, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using var writer = new ArticleWriter(db);
        var written = new List<IReadOnlyList<IngestedFile>>();
        foreach (var prepared in chunk)
        {
            IReadOnlyList<IngestedFile> fileOutcomes;
            await transaction.CreateSavepointAsync("file", cancellationToken);
            try
            {
                fileOutcomes = await WriteFileAsync(writer, prepared, cancellationToken);
                await transaction.ReleaseSavepointAsync("file", cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                await transaction.RollbackToSavepointAsync("file", cancellationToken);
                logger.LogWarning(ex, "Skipped {File}: {Reason}", prepared.File, ex.Message);
                fileOutcomes = [new IngestedFile(prepared.File, IngestionOutcome.Skipped, Reason: $"could not be stored: {ex.Message}")];
            }
            db.ChangeTracker.Clear();
            written.Add(fileOutcomes);
        }
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// The files written since the last commit, in one transaction that spans chunks. A file
    /// that cannot be stored must be rolled back alone (whole or not at all), but a savepoint a
    /// file made writing cost twice the raw inserts (SQLite copies every page a savepoint
    /// touches to its statement journal), so files are written without them; only when one
    /// fails is the batch rolled back, and at its commit written again file by file, each
    /// behind its own savepoint. Outcomes are reported once their batch is committed, in the
    /// files' order. No transaction is opened while every file is unchanged down to its stamp.
    /// </summary>
    private sealed class WriteBatch(ArticleIngester ingester, NewsReaderDb db, ILogger logger, List<IngestedFile> outcomes, IProgress<IReadOnlyList<IngestedFile>>? progress) : IAsyncDisposable
    {
        private readonly List<PreparedFile> files = [];
        private readonly List<IReadOnlyList<IngestedFile>> written = [];
        private readonly System.Diagnostics.Stopwatch open = new();
        private IDbContextTransaction? transaction;
        private ArticleWriter? writer;
        private bool failed;

        public bool Full => files.Count >= BatchFiles || (transaction is not null && open.Elapsed >= BatchTime);

        public async Task WriteAsync(IReadOnlyList<PreparedFile> chunk, CancellationToken cancellationToken)
        {
            files.AddRange(chunk);
            if (failed || (transaction is null && chunk.All(p => p.NeedsNoWrite)))
            {
                return;
            }
            try
            {
                if (transaction is null)
                {
                    transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    writer = new ArticleWriter(db);
                    open.Restart();
                    // Files before this chunk in the batch needed no write; their outcomes come first.
                    foreach (var earlier in files.Take(files.Count - chunk.Count))
                    {
                        written.Add(await ingester.WriteFileAsync(writer, earlier, cancellationToken));
                    }
                }
                foreach (var prepared in chunk)
                {
                    written.Add(await ingester.WriteFileAsync(writer!, prepared, cancellationToken));
                    db.ChangeTracker.Clear();
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                await RollBackAsync(cancellationToken);
                failed = true;
                logger.LogInformation("A file of the batch could not be stored ({Reason}); the batch is written again file by file", ex.Message);
            }
        }

        /// <summary>Commits what was written (or writes it again file by file after a failure) and reports the outcomes.</summary>
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (files.Count == 0)
            {
                return;
            }
            List<IReadOnlyList<IngestedFile>> done;
            if (failed)
            {
                done = await ingester.WriteFileByFileAsync(files, cancellationToken);
            }
            else if (transaction is null)
            {
                done = files.Select(p => (IReadOnlyList<IngestedFile>)[ingester.Unchanged(p.File, p.Known!)]).ToList();
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
                done = [.. written];
            }
            await DisposeAsync();
            files.Clear();
            written.Clear();
            failed = false;
            foreach (var fileOutcomes in done)
            {
                outcomes.AddRange(fileOutcomes);
                progress?.Report(fileOutcomes);
            }
        }

        private async Task RollBackAsync(CancellationToken cancellationToken)
        {
            await transaction!.RollbackAsync(cancellationToken);
            await DisposeAsync();
            written.Clear();
            db.ChangeTracker.Clear();
        }

        /// <summary>Ends the transaction, rolled back when it was not committed (a cancelled or failed run).</summary>
        public async ValueTask DisposeAsync()
        {
            writer?.Dispose();
            writer = null;
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
                transaction = null;
            }
        }
    }

    private async Task<IReadOnlyList<IngestedFile>> WriteFileAsync(ArticleWriter writer, PreparedFile prepared, CancellationToken cancellationToken)
    {
        if (prepared.Unchanged)
        {
            if (prepared.Known!.ModifiedTicks != prepared.Stamp.ModifiedTicks)
            {
                Remember(writer, prepared, prepared.Known.SkipReason);
            }
            return [Unchanged(prepared.File, prepared.Known)];
        }
        if (prepared.Refusal is not null)
        {
            Remember(writer, prepared, prepared.Refusal);
            return [Skip(prepared.File, prepared.Refusal)];
        }
        var outcomes = new List<IngestedFile>();
        foreach (var ready in prepared.Articles!)
        {
            outcomes.Add(await StoreAsync(writer, prepared.File, ready.SourceKey, ready.Extracted, cancellationToken, hash: ready.Hash));
        }
        Remember(writer, prepared, null);
        return outcomes;
    }

    /// <summary>
    /// What an article from a file is known by: its canonical URL, else the file (and the item's
    /// id in a feed file). A feed item known by a link with a fragment (a daily page with an
    /// anchor per post) keeps the fragment, so its posts stay apart.
    /// </summary>
    private static string FileArticleKey(ExtractedArticle extracted, string fileKey) =>
        FragmentLink(extracted.ItemKey)
        ?? CanonicalUrl.Normalize(extracted.Article.Metadata.SourceUrl)
        ?? (extracted.ItemKey is null ? fileKey : $"{fileKey}#{extracted.ItemKey}");

    private static string? FragmentLink(string? itemKey) =>
        itemKey is not null && itemKey.Contains('#') && Uri.TryCreate(itemKey, UriKind.Absolute, out var link) && link.Fragment.Length > 1
            && CanonicalUrl.Normalize(itemKey) is { } canonical
            ? canonical + link.Fragment
            : null;

    private async Task<IngestedFile> StoreAsync(ArticleWriter writer, string file, string sourceKey, ExtractedArticle extracted, CancellationToken cancellationToken,
        string origin = RevisionOrigins.File, string? hash = null)
    {
        var parsed = extracted.Article;
        var metadata = parsed.Metadata;
        var url = CanonicalUrl.Normalize(metadata.SourceUrl);
        hash ??= ContentHash.Of(extracted.RawSource);

        var article = writer.FindArticle(sourceKey);
        if (article?.LatestHash == hash)
        {
            return new IngestedFile(file, IngestionOutcome.Unchanged, article.Value.Slug);
        }
        if (article is null && writer.FindTwin(hash) is { } twin)
        {
            logger.LogWarning("Skipped {File}: the same content is already article {Slug}", file, twin);
            return new IngestedFile(file, IngestionOutcome.Duplicate, twin, $"same content as article {twin}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var slug = article?.Slug ?? UniqueSlug(writer, parsed.Title);
        // Files, uploads and seeds are the administrator's: the shared collection. Saved pages
        // and feed items belong to the readers who saved or follow them.
        var shared = origin == RevisionOrigins.File;
        var published = metadata.Published?.UtcDateTime;
        var articleId = article?.Id ?? writer.InsertArticle(slug, sourceKey, url, now, published ?? now, shared);
        if (article is not null)
        {
            writer.SetListing(article.Value.Id, published, shared);
        }
        if (article is not null && url is not null)
        {
            writer.SetSourceUrl(articleId, url);
        }
        var revision = new ArticleRevision
        {
            ArticleId = articleId,
            Number = (article?.LatestNumber ?? 0) + 1,
            ContentHash = hash,
            RawSource = extracted.RawSource,
            SourceFormat = extracted.SourceFormat,
            Origin = origin,
            Title = parsed.Title,
            Dateline = parsed.Dateline,
            Agency = Limit(parsed.Agency, 100),
            SiteName = Limit(metadata.SiteName, 200),
            Author = Limit(metadata.Author, 300),
            Published = metadata.Published?.UtcDateTime,
            Language = Limit(metadata.Language, 35),
            Text = parsed.Text,
            WordCount = parsed.WordCount,
            ReadingMinutes = parsed.ReadingMinutes,
            IngestedAt = now,
            Blocks = parsed.Blocks.Select((b, i) => new RevisionBlock { Ordinal = i, Kind = b.Kind, Start = b.Start, End = b.End }).ToList(),
        };
        writer.InsertRevision(revision);
        if (article is null)
        {
            logger.LogDebug("Added article {Slug} from {File}", slug, file);
            return new IngestedFile(file, IngestionOutcome.Added, slug);
        }

        var (anchored, changed, orphaned) = await AnnotationAnchoring.ReanchorAsync(db, articleId, revision, cancellationToken);
        logger.LogInformation("Revised article {Slug} to revision {Revision} from {File}; annotations: {Anchored} anchored, {Changed} changed or moved, {Orphaned} orphaned",
            slug, revision.Number, file, anchored, changed, orphaned);
        return new IngestedFile(file, IngestionOutcome.Revised, slug);
    }

    private void Remember(ArticleWriter writer, PreparedFile prepared, string? skipReason) =>
        writer.RememberFile(prepared.Key, prepared.Stamp.Size, prepared.Stamp.ModifiedTicks, prepared.Hash, skipReason, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The folder a run keys its files by: the one the caller names; else the seeds folder for a
    /// path inside it (so a seed ingested on its own is the seed the app ingests); else the
    /// folder given. A single file from elsewhere has no root: its full path is its key, so two
    /// story.txt from two places never collide unless the caller names a root.
    /// </summary>
    private string KeyRoot(string fullPath, string? keyRoot)
    {
        if (keyRoot is not null)
        {
            return Path.GetFullPath(keyRoot);
        }
        var seeds = IngestionSetup.SeedsPath(configuration, environment);
        if (Inside(seeds, fullPath))
        {
            return seeds;
        }
        return Directory.Exists(fullPath) ? fullPath : "";
    }

    /// <summary>
    /// What identifies a file across runs: its path relative to the run's key root, so the same
    /// folder ingested by the app and by the verb, from wherever it lies, is the same articles;
    /// its full path when it lies outside the root.
    /// </summary>
    private static string SourceKey(string file, string root) =>
        root.Length > 0 && Inside(root, file) ? Path.GetRelativePath(root, file) : file;

    private static bool Inside(string folder, string path)
    {
        if (path == folder)
        {
            return true;
        }
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private IngestedFile Unchanged(string file, SourceFile known) =>
        known.SkipReason is null ? new IngestedFile(file, IngestionOutcome.Unchanged) : Skip(file, known.SkipReason);

    private IngestedFile Skip(string file, string reason)
    {
        logger.LogWarning("Skipped {File}: {Reason}", file, reason);
        return new IngestedFile(file, IngestionOutcome.Skipped, Reason: reason);
    }

    private static string UniqueSlug(ArticleWriter writer, string title)
    {
        var baseSlug = Slugs.From(title);
        var slug = baseSlug;
        for (var n = 2; writer.SlugTaken(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }


    private static string? Limit(string? value, int length) =>
        value is null ? null : value.Length <= length ? value : value[..length];

    /// <summary>An article of a file with the key it is stored under and the hash of its source.</summary>
    private sealed record ReadyArticle(ExtractedArticle Extracted, string SourceKey, string Hash);

    /// <summary>A file's size and last write time: what tells an unchanged file without reading it.</summary>
    private readonly record struct SourceStamp(long Size, long ModifiedTicks);

    /// <summary>One file made ready for the writer: unchanged, refused with a reason, or its articles.</summary>
    private sealed record PreparedFile(
        string File, string Key, SourceStamp Stamp, string Hash, SourceFile? Known,
        bool Unchanged = false, string? Refusal = null, IReadOnlyList<ReadyArticle>? Articles = null)
    {
        /// <summary>Unchanged down to its time stamp: nothing to store, not even the stamp.</summary>
        public bool NeedsNoWrite => Unchanged && Known!.ModifiedTicks == Stamp.ModifiedTicks;
    }
}
