using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Text;
using NewsReader.Web.Data;

namespace NewsReader.Web.Articles;

/// <summary>An article in a list: its current revision's title and figures.</summary>
public sealed record ArticleSummary(
    string Slug,
    string Title,
    string? Dateline,
    int WordCount,
    int ReadingMinutes,
    int Revision,
    DateTime CreatedAt,
    DateTime IngestedAt);

/// <summary>An article's current revision in full: canonical text, blocks and raw source.</summary>
public sealed record ArticleDocument(ArticleSummary Summary, string Text, IReadOnlyList<TextBlock> Blocks, string RawSource)
{
    /// <summary>The text of one block.</summary>
    public string TextOf(TextBlock block) => CodePoints.Slice(Text, block.Start, block.End);
}

/// <summary>Reads articles for the pages and the API alike, always at their current revision.</summary>
public sealed class ArticleQueries(NewsReaderDb db)
{
    /// <summary>Every article, newest first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await CurrentRevisions()
            .OrderByDescending(r => r.Article.CreatedAt).ThenByDescending(r => r.ArticleId)
            .Select(r => new ArticleSummary(r.Article.Slug, r.Title, r.Dateline, r.WordCount, r.ReadingMinutes, r.Number, r.Article.CreatedAt, r.IngestedAt))
            .ToListAsync(cancellationToken);

    private IQueryable<ArticleRevision> CurrentRevisions() =>
        db.ArticleRevisions.Where(r => r.Number == db.ArticleRevisions.Where(o => o.ArticleId == r.ArticleId).Max(o => o.Number));

    /// <summary>The current revision of the article with this slug, or null.</summary>
    public async Task<ArticleDocument?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var current = await db.ArticleRevisions
            .Where(r => r.Article.Slug == slug)
            .OrderByDescending(r => r.Number)
            .Include(r => r.Article)
            .Include(r => r.Blocks)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }
        var summary = new ArticleSummary(slug, current.Title, current.Dateline, current.WordCount, current.ReadingMinutes, current.Number, current.Article.CreatedAt, current.IngestedAt);
        var blocks = current.Blocks.OrderBy(b => b.Ordinal).Select(b => new TextBlock(b.Kind, b.Start, b.End)).ToList();
        return new ArticleDocument(summary, current.Text, blocks, current.RawSource);
    }
}
