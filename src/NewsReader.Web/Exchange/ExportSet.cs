using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Exchange;

/// <summary>What to export: whose annotations, on which article (all when null), and whether others' public ones come too.</summary>
public sealed record ExportScope(string UserId, string? ArticleSlug, bool IncludePublic);

/// <summary>An article with the annotations to export on it, in document order, orphans last.</summary>
public sealed record ExportArticle(int Id, string Slug, string Title, ArticleSource Source, IReadOnlyList<Annotation> Annotations);

/// <summary>Everything one export writes: the articles in title order, and where the app lives.</summary>
public sealed record ExportSet(ExportScope Scope, string BaseUrl, IReadOnlyList<ExportArticle> Articles)
{
    public int Count => Articles.Sum(a => a.Annotations.Count);

    public IEnumerable<Annotation> AllAnnotations => Articles.SelectMany(a => a.Annotations);

    public string Label => Scope.ArticleSlug is null ? "NewsReader notebook" : $"Annotations on {Articles.FirstOrDefault()?.Title ?? Scope.ArticleSlug}";

    /// <summary>
    /// Reads the annotations in scope with their articles' current titles and sources; null when
    /// the scope names an article that does not exist. An owner's private annotations never
    /// reach anyone else's export: the filter is the same as the API's.
    /// </summary>
    public static async Task<ExportSet?> LoadAsync(NewsReaderDb db, ExportScope scope, string baseUrl, CancellationToken cancellationToken)
    {
        int? articleId = null;
        if (scope.ArticleSlug is { } slug)
        {
            articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (articleId is null)
            {
                return null;
            }
        }
        var query = db.Annotations.AsNoTracking()
            .Where(a => a.OwnerId == scope.UserId || (scope.IncludePublic && a.Visibility == Visibility.Public));
        if (articleId is { } id)
        {
            query = query.Where(a => a.ArticleId == id);
        }
        // The owner too: the W3C creator's name, which an import elsewhere keeps as the author's (`importedFrom`).
        var annotations = await query.Include(a => a.Article).Include(a => a.Tags).Include(a => a.Owner).AsSplitQuery().ToListAsync(cancellationToken);
        var ids = annotations.Select(a => a.ArticleId).Distinct().ToList();
        if (articleId is { } only && !ids.Contains(only))
        {
            ids.Add(only);
        }
        var heads = await db.ArticleRevisions.Current()
            .Where(r => ids.Contains(r.ArticleId))
            .Select(r => new
            {
                r.ArticleId,
                r.Article.Slug,
                r.Title,
                Source = new ArticleSource(r.Article.SourceUrl, r.SiteName, r.Author, r.Published, r.Language, r.Agency),
            })
            .ToListAsync(cancellationToken);
        var byArticle = annotations.ToLookup(a => a.ArticleId);
        var articles = heads
            .Select(h => new ExportArticle(h.ArticleId, h.Slug, h.Title, h.Source, InDocumentOrder(byArticle[h.ArticleId])))
            .OrderBy(a => a.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();
        return new ExportSet(scope, baseUrl, articles);
    }

    private static List<Annotation> InDocumentOrder(IEnumerable<Annotation> annotations) =>
        annotations.OrderBy(a => a.Start ?? int.MaxValue).ThenBy(a => a.End).ThenBy(a => a.Created).ThenBy(a => a.Id).ToList();

    /// <summary>The link back to an annotation in the reader.</summary>
    public string AnnotationUrl(Annotation a) => $"{ArticleUrl(a.Article.Slug)}#annotation-{a.Id}";

    public string ArticleUrl(string slug) => $"{BaseUrl}/articles/{Uri.EscapeDataString(slug)}";
}
