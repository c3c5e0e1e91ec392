using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Fetching;

/// <summary>The outcome of saving a URL: the article's slug, and whether this save made it.</summary>
public sealed record SavedUrl(string Slug, bool Created);

/// <summary>
/// Saves a page by its URL: an address already in the library answers with its article and
/// fetches nothing; otherwise the page is fetched, extracted and stored under its canonical URL.
/// </summary>
public sealed class UrlSaver(PageFetcher fetcher, ArticleIngester ingester, NewsReaderDb db, ReaderLibrary library, ILogger<UrlSaver> logger)
{
    /// <summary>Saves the page into <paramref name="userId"/>'s library; a page anyone saved before is stored once and only joins theirs.</summary>
    public async Task<SavedUrl> SaveAsync(string userId, string? url, CancellationToken cancellationToken = default)
    {
        var saved = await StoreAsync(url, cancellationToken);
        var articleId = await db.Articles.Where(a => a.Slug == saved.Slug).Select(a => a.Id).SingleAsync(cancellationToken);
        await library.AddAsync(userId, articleId, cancellationToken);
        return saved;
    }

    private async Task<SavedUrl> StoreAsync(string? url, CancellationToken cancellationToken)
    {
        var uri = PageFetcher.ParseUrl(url);
        if (await FindAsync(uri.AbsoluteUri, cancellationToken) is { } known)
        {
            return new SavedUrl(known, false);
        }
        var document = await fetcher.FetchAsync(uri, cancellationToken: cancellationToken);
        if (document.Url != uri && await FindAsync(document.Url.AbsoluteUri, cancellationToken) is { } redirected)
        {
            return new SavedUrl(redirected, false);
        }
        var extracted = ExtractPage(document);
        // A page without a canonical link is known by the address it was fetched from.
        var metadata = extracted.Article.Metadata;
        var pageUrl = CanonicalUrl.Normalize(metadata.SourceUrl) ?? CanonicalUrl.Normalize(document.Url.AbsoluteUri)!;
        if (metadata.SourceUrl is null)
        {
            extracted = extracted with { Article = extracted.Article with { Metadata = metadata with { SourceUrl = pageUrl } } };
        }
        var outcome = await ingester.IngestFetchedAsync(extracted, pageUrl, document.Url.AbsoluteUri, cancellationToken);
        logger.LogInformation("Saved {Url} as article {Slug} ({Outcome})", PageFetcher.ForLog(document.Url), outcome.Slug, outcome.Outcome);
        return new SavedUrl(outcome.Slug!, outcome.Outcome == IngestionOutcome.Added);
    }

    /// <summary>The one article a fetched page holds; a feed or an empty page is not one.</summary>
    public static ExtractedArticle ExtractPage(FetchedDocument document)
    {
        ExtractionResult result;
        try
        {
            result = ArticleExtractor.Extract(document.Body, document.FileName, document.Url);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new FetchException(FetchFailure.NoArticle, $"The page at {document.Url} could not be read ({ex.GetType().Name}).", ex);
        }
        if (result.Refusal is not null || result.Articles.Count == 0)
        {
            throw new FetchException(FetchFailure.NoArticle, $"No article could be extracted from {document.Url}: {result.Refusal ?? "it holds no text"}.");
        }
        if (result.Articles.Count > 1 || result.Articles[0].ItemKey is not null)
        {
            throw new FetchException(FetchFailure.NoArticle, $"{document.Url} is a feed, not a page: subscribe to it on /feeds instead.");
        }
        return result.Articles[0];
    }

    /// <summary>The slug of the article with this address, as its source key or its canonical URL.</summary>
    private async Task<string?> FindAsync(string url, CancellationToken cancellationToken)
    {
        var canonical = CanonicalUrl.Normalize(url);
        return canonical is null
            ? null
            : await db.Articles.AsNoTracking().Where(a => a.SourceKey == canonical || a.SourceUrl == canonical)
                .OrderBy(a => a.Id).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken);
    }
}
