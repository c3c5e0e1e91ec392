using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Ingestion;
using NewsReader.Web.Annotations;
using NewsReader.Web.Data;

namespace NewsReader.Web.Ingestion;

/// <summary>
/// Loads article files into the store. Idempotent: the same content is never stored twice,
/// changed content becomes a new revision of the article its file made, and a bad file is
/// skipped with a warning while the others go in. Each article is written in one transaction.
/// </summary>
public sealed class ArticleIngester(NewsReaderDb db, ILogger<ArticleIngester> logger, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment)
{
    private static readonly string[] SupportedExtensions = [".txt"];

    /// <summary>Ingests a single file, or every supported file directly in a folder.</summary>
    public async Task<IngestionReport> IngestAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return new IngestionReport([await IngestFileAsync(fullPath, SourceKey(fullPath), cancellationToken)]);
        }
        if (!Directory.Exists(fullPath))
        {
            logger.LogWarning("Ingestion path {Path} does not exist; nothing ingested", fullPath);
            return new IngestionReport([]);
        }

        var files = new List<IngestedFile>();
        foreach (var file in Directory.EnumerateFiles(fullPath).Order(StringComparer.Ordinal))
        {
            if (!SupportedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                logger.LogInformation("Skipped {File}: format {Extension} is not supported yet", file, Path.GetExtension(file));
                continue;
            }
            files.Add(await IngestFileAsync(file, SourceKey(file), cancellationToken));
        }
        var report = new IngestionReport(files);
        logger.LogInformation("Ingested {Path}: {Summary}", fullPath, report.ToString());
        return report;
    }

    private async Task<IngestedFile> IngestFileAsync(string file, string sourceKey, CancellationToken cancellationToken)
    {
        try
        {
            return await IngestReadableFileAsync(file, sourceKey, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbUpdateException)
        {
            // One file that cannot be read or stored must not stop the others, nor the app's start.
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "Skipped {File}: {Reason}", file, ex.Message);
            return new IngestedFile(file, IngestionOutcome.Skipped, Reason: ex.Message);
        }
    }

    private async Task<IngestedFile> IngestReadableFileAsync(string file, string sourceKey, CancellationToken cancellationToken)
    {
        var read = await SourceFileReader.ReadAsync(file, cancellationToken);
        if (read.Refusal is not null)
        {
            return Skip(file, read.Refusal);
        }
        var parsed = PlainTextArticleParser.Parse(read.Text!);
        if (parsed is null)
        {
            return Skip(file, "no text, only white space");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(read.Bytes!));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var article = await db.Articles.SingleOrDefaultAsync(a => a.SourceKey == sourceKey, cancellationToken);
        var latest = article is null
            ? null
            : await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
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
                return new IngestedFile(file, IngestionOutcome.Duplicate, twin, "same content as an existing article");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = article is null;
        article ??= db.Articles.Add(new Article { Slug = await UniqueSlugAsync(parsed.Title, cancellationToken), SourceKey = sourceKey, CreatedAt = now }).Entity;
        var revision = new ArticleRevision
        {
            Article = article,
            Number = (latest?.Number ?? 0) + 1,
            ContentHash = hash,
            RawSource = read.Text!,
            SourceFormat = "text/plain",
            Title = parsed.Title,
            Dateline = parsed.Dateline,
            Text = parsed.Text,
            WordCount = parsed.WordCount,
            ReadingMinutes = parsed.ReadingMinutes,
            IngestedAt = now,
            Blocks = parsed.Blocks.Select((b, i) => new RevisionBlock { Ordinal = i, Kind = b.Kind, Start = b.Start, End = b.End }).ToList(),
        };
        db.ArticleRevisions.Add(revision);
        await db.SaveChangesAsync(cancellationToken);
        var (anchored, moved, orphaned) = await AnnotationAnchoring.ReanchorAsync(db, article.Id, revision, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();

        logger.LogInformation("{Outcome} article {Slug} revision {Revision} from {File}",
            isNew ? "Added" : "Revised", article.Slug, revision.Number, file);
        if (anchored + moved + orphaned > 0)
        {
            logger.LogInformation("Re-anchored annotations of {Slug} on revision {Revision}: {Anchored} anchored, {Moved} moved, {Orphaned} orphaned",
                article.Slug, revision.Number, anchored, moved, orphaned);
        }
        return new IngestedFile(file, isNew ? IngestionOutcome.Added : IngestionOutcome.Revised, article.Slug);
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
}
