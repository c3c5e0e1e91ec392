using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Ingestion;
using NewsReader.Web.Annotations;
using NewsReader.Web.Data;

namespace NewsReader.Web.Ingestion;

/// <summary>
/// Loads source files (plain text, Markdown, HTML, feeds) into the store. Idempotent: a file
/// whose size, time or hash says it is unchanged is not parsed again; the same content is
/// never stored twice; changed content becomes a new revision of the article it made; a bad
/// file is skipped with its reason while the others go in. Each file is written in one
/// transaction, so a file is stored whole or not at all.
/// </summary>
public sealed class ArticleIngester(NewsReaderDb db, ILogger<ArticleIngester> logger, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>Ingests a single file, or every file in a folder and its subfolders.</summary>
    /// <param name="progress">Told each file's outcomes as soon as the file is done.</param>
    public async Task<IngestionReport> IngestAsync(string path, IProgress<IReadOnlyList<IngestedFile>>? progress = null, CancellationToken cancellationToken = default)
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
        var keys = files.ToDictionary(f => f, SourceKey);
        var known = files.Count == 1
            ? await db.SourceFiles.AsNoTracking().Where(f => f.Path == keys[files[0]]).ToDictionaryAsync(f => f.Path, cancellationToken)
            : await db.SourceFiles.AsNoTracking().ToDictionaryAsync(f => f.Path, cancellationToken);
        var outcomes = new List<IngestedFile>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fileOutcomes = await IngestFileAsync(file, keys[file], known.GetValueOrDefault(keys[file]), cancellationToken);
            outcomes.AddRange(fileOutcomes);
            progress?.Report(fileOutcomes);
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
        return await IngestBytesAsync(name, key, bytes, new SourceStamp(bytes.Length, 0), known, cancellationToken);
    }

    private async Task<IReadOnlyList<IngestedFile>> IngestFileAsync(string file, string key, SourceFile? known, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(file);
            var stamp = new SourceStamp(info.Length, info.LastWriteTimeUtc.Ticks);
            if (known is not null && known.Size == stamp.Size && known.ModifiedTicks == stamp.ModifiedTicks)
            {
                return [Unchanged(file, known)];
            }
            var read = await SourceFileReader.ReadAsync(file, cancellationToken);
            if (read.Refusal is not null)
            {
                await RememberAsync(key, stamp, "", read.Refusal, cancellationToken);
                return [Skip(file, read.Refusal)];
            }
            return await IngestBytesAsync(file, key, read.Bytes!, stamp, known, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbUpdateException)
        {
            // One file that cannot be read or stored must not stop the others, nor the app's start.
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "Skipped {File}: {Reason}", file, ex.Message);
            return [new IngestedFile(file, IngestionOutcome.Skipped, Reason: ex.Message)];
        }
    }

    private async Task<IReadOnlyList<IngestedFile>> IngestBytesAsync(string file, string key, byte[] bytes, SourceStamp stamp, SourceFile? known, CancellationToken cancellationToken)
    {
        var fileHash = Hash(bytes);
        if (known is not null && known.ContentHash == fileHash)
        {
            await RememberAsync(key, stamp, fileHash, known.SkipReason, cancellationToken);
            return [Unchanged(file, known)];
        }
        var extraction = ArticleExtractor.Extract(bytes, Path.GetFileName(file));
        if (extraction.Refusal is not null)
        {
            await RememberAsync(key, stamp, fileHash, extraction.Refusal, cancellationToken);
            return [Skip(file, extraction.Refusal)];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcomes = new List<IngestedFile>();
        foreach (var extracted in extraction.Articles)
        {
            outcomes.Add(await StoreAsync(file, key, extracted, cancellationToken));
        }
        await RememberAsync(key, stamp, fileHash, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return outcomes;
    }

    private async Task<IngestedFile> StoreAsync(string file, string fileKey, ExtractedArticle extracted, CancellationToken cancellationToken)
    {
        var parsed = extracted.Article;
        var metadata = parsed.Metadata;
        var url = CanonicalUrl.Normalize(metadata.SourceUrl);
        var sourceKey = url ?? (extracted.ItemKey is null ? fileKey : $"{fileKey}#{extracted.ItemKey}");
        var hash = Hash(Encoding.UTF8.GetBytes(extracted.RawSource));

        var article = await db.Articles.SingleOrDefaultAsync(a => a.SourceKey == sourceKey, cancellationToken);
        var latest = article is null
            ? null
            : await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number)
                .Select(r => new { r.Number, r.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        if (latest?.ContentHash == hash)
        {
            return new IngestedFile(file, IngestionOutcome.Unchanged, article!.Slug);
        }
        if (article is null)
        {
            var twin = await db.ArticleRevisions.Where(r => r.ContentHash == hash).Select(r => r.Article.Slug).FirstOrDefaultAsync(cancellationToken);
            if (twin is not null)
            {
                logger.LogWarning("Skipped {File}: the same content is already article {Slug}", file, twin);
                return new IngestedFile(file, IngestionOutcome.Duplicate, twin, $"same content as article {twin}");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = article is null;
        article ??= db.Articles.Add(new Article { Slug = await UniqueSlugAsync(parsed.Title, cancellationToken), SourceKey = sourceKey, CreatedAt = now }).Entity;
        article.SourceUrl = url ?? article.SourceUrl;
        var revision = new ArticleRevision
        {
            Article = article,
            Number = (latest?.Number ?? 0) + 1,
            ContentHash = hash,
            RawSource = extracted.RawSource,
            SourceFormat = extracted.SourceFormat,
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
        db.ArticleRevisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        if (isNew)
        {
            logger.LogDebug("Added article {Slug} from {File}", article.Slug, file);
            return new IngestedFile(file, IngestionOutcome.Added, article.Slug);
        }

        var (anchored, moved, orphaned) = await AnnotationAnchoring.ReanchorAsync(db, article.Id, revision, cancellationToken);
        logger.LogInformation("Revised article {Slug} to revision {Revision} from {File}; annotations: {Anchored} anchored, {Moved} moved, {Orphaned} orphaned",
            article.Slug, revision.Number, file, anchored, moved, orphaned);
        return new IngestedFile(file, IngestionOutcome.Revised, article.Slug);
    }

    /// <summary>Records what the file was this time, so the next run can pass it by.</summary>
    private async Task RememberAsync(string key, SourceStamp stamp, string hash, string? skipReason, CancellationToken cancellationToken)
    {
        var record = await db.SourceFiles.SingleOrDefaultAsync(f => f.Path == key, cancellationToken)
            ?? db.SourceFiles.Add(new SourceFile { Path = key, ContentHash = hash }).Entity;
        record.Size = stamp.Size;
        record.ModifiedTicks = stamp.ModifiedTicks;
        record.ContentHash = hash;
        record.SkipReason = skipReason;
        record.ReadAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// What identifies a file across runs: its path inside the seeds folder (so the folder can
    /// move), or its full path when it lives elsewhere (so two story.txt never collide).
    /// </summary>
    private string SourceKey(string file)
    {
        var seeds = IngestionSetup.SeedsPath(configuration, environment);
        var relative = Path.GetRelativePath(seeds, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative;
    }

    private IngestedFile Unchanged(string file, SourceFile known) =>
        known.SkipReason is null ? new IngestedFile(file, IngestionOutcome.Unchanged) : Skip(file, known.SkipReason);

    private IngestedFile Skip(string file, string reason)
    {
        logger.LogWarning("Skipped {File}: {Reason}", file, reason);
        return new IngestedFile(file, IngestionOutcome.Skipped, Reason: reason);
    }

    private async Task<string> UniqueSlugAsync(string title, CancellationToken cancellationToken)
    {
        var baseSlug = Slugs.From(title);
        var slug = baseSlug;
        for (var n = 2; await db.Articles.AnyAsync(a => a.Slug == slug, cancellationToken); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        return slug;
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string? Limit(string? value, int length) =>
        value is null ? null : value.Length <= length ? value : value[..length];

    /// <summary>A file's size and last write time: what tells an unchanged file without reading it.</summary>
    private readonly record struct SourceStamp(long Size, long ModifiedTicks);
}
