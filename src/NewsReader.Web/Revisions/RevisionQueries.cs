namespace NewsReader.Web.Revisions;

/// <summary>The one definition of "current revision" every query shares.</summary>
public static class RevisionQueries
{
    /// <summary>Each article's current (highest-numbered) revision.</summary>
    public static IQueryable<ArticleRevision> Current(this IQueryable<ArticleRevision> revisions) =>
        revisions.Where(r => r.Number == revisions.Where(o => o.ArticleId == r.ArticleId).Max(o => o.Number));

    /// <summary>The revisions of the article with this slug, newest first: the first is the current one.</summary>
    public static IQueryable<ArticleRevision> NewestFirst(this IQueryable<ArticleRevision> revisions, string slug) =>
        revisions.Where(r => r.Article.Slug == slug).OrderByDescending(r => r.Number);
}
