using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library;

/// <summary>What deleting an article outright takes with it: every reader's annotations on it.</summary>
public sealed record DeletionImpact(string Slug, string Title, int Annotations, int Readers, int Private);

/// <summary>
/// An administrator deleting an article from the store, for every reader (a reader only takes
/// it out of their own library, <see cref="ReaderLibrary.RemoveAsync"/>). The database's
/// cascades take its revisions, blocks, annotations, reading states, library entries and feed
/// items, and the search triggers its index rows.
/// </summary>
public sealed class ArticleDeletion(NewsReaderDb db)
{
    /// <summary>The article's title and what goes with it; null when there is no such article.</summary>
    public async Task<DeletionImpact?> ImpactAsync(string slug, CancellationToken cancellationToken = default)
    {
        var article = await db.ArticleRevisions.Current().Where(r => r.Article.Slug == slug)
            .Select(r => new { r.ArticleId, r.Title }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }
        var annotations = db.Annotations.Where(a => a.ArticleId == article.ArticleId);
        return new DeletionImpact(slug, article.Title,
            await annotations.CountAsync(cancellationToken),
            await annotations.Select(a => a.OwnerId).Distinct().CountAsync(cancellationToken),
            await annotations.CountAsync(a => a.Visibility != Visibility.Public, cancellationToken));
    }

    /// <summary>Deletes the article and everything hanging on it; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string slug, CancellationToken cancellationToken = default) =>
        await db.Articles.Where(a => a.Slug == slug).ExecuteDeleteAsync(cancellationToken) > 0;
}
