using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library;

/// <summary>An article in a list: its current revision's title, figures and where it came from.</summary>
public sealed record ArticleSummary(
    string Slug,
    string Title,
    string? Dateline,
    int WordCount,
    int ReadingMinutes,
    int Revision,
    DateTime CreatedAt,
    DateTime IngestedAt,
    ArticleSource Source);

/// <summary>What the source says of an article: its address, publication, author, date, language and wire agency.</summary>
public sealed record ArticleSource(string? Url, string? SiteName, string? Author, DateTime? Published, string? Language, string? Agency)
{
    /// <summary>The address to link to ("View original"): <see cref="Url"/> when it is an http(s) address, never another scheme.</summary>
    public string? WebAddress => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? Url : null;
}

/// <summary>An article's current revision: its canonical text and the blocks that are ranges of it.</summary>
public sealed record ArticleDocument(ArticleSummary Summary, string Text, IReadOnlyList<TextBlock> Blocks);

/// <summary>Reads articles for the pages and the API alike, always at their current revision, only from the reader's library.</summary>
public sealed class ArticleQueries(NewsReaderDb db)
{
    /// <summary>The one projection of a revision into its summary, for every query here.</summary>
    private static readonly Expression<Func<ArticleRevision, ArticleSummary>> Summary = r => new ArticleSummary(
        r.Article.Slug, r.Title, r.Dateline, r.WordCount, r.ReadingMinutes, r.Number, r.Article.CreatedAt, r.IngestedAt,
        new ArticleSource(r.Article.SourceUrl, r.SiteName, r.Author, r.Published, r.Language, r.Agency));

    /// <summary>The current revision of the article with this slug when it is in the reader's library, or null.</summary>
    public async Task<ArticleDocument?> FindAsync(string slug, string? userId, CancellationToken cancellationToken = default) =>
        await InLibrary(slug, userId, cancellationToken) ? await FindStoredAsync(slug, cancellationToken) : null;

    /// <summary>The current title of the article with this slug when it is in the reader's library, or null.</summary>
    public async Task<string?> TitleAsync(string slug, string? userId, CancellationToken cancellationToken = default) =>
        await InLibrary(slug, userId, cancellationToken) ? await TitleAsync(slug, cancellationToken) : null;

    /// <summary>The raw source when the article is in the reader's library, or null.</summary>
    public async Task<(ArticleSummary Summary, string RawSource)?> FindOriginalAsync(string slug, string? userId, CancellationToken cancellationToken = default) =>
        await InLibrary(slug, userId, cancellationToken) ? await FindOriginalAsync(slug, cancellationToken) : null;

    private Task<bool> InLibrary(string slug, string? userId, CancellationToken cancellationToken) =>
        ReaderLibrary.Of(db, userId).AnyAsync(a => a.Slug == slug, cancellationToken);

    /// <summary>The current revision of the article with this slug in the store, whoever's library it is in (for exports of one's own annotations), or null.</summary>
    /// <remarks>
    /// The summary, the text and the blocks are read in separate queries: joined, SQLite would
    /// repeat the whole text on every block's row, which costs hundreds of milliseconds on a
    /// long article.
    /// </remarks>
    public async Task<ArticleDocument?> FindStoredAsync(string slug, CancellationToken cancellationToken = default)
    {
        var summary = await db.ArticleRevisions.NewestFirst(slug).Select(Summary).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }
        var current = await db.ArticleRevisions.NewestFirst(slug).Select(r => new { r.Id, r.Text }).FirstAsync(cancellationToken);
        var blocks = await db.Set<RevisionBlock>()
            .Where(b => b.RevisionId == current.Id)
            .OrderBy(b => b.Ordinal)
            .Select(b => new TextBlock(b.Kind, b.Start, b.End))
            .ToListAsync(cancellationToken);
        return new ArticleDocument(summary, current.Text, blocks);
    }

    /// <summary>The current title of the article with this slug, or null when there is none.</summary>
    private Task<string?> TitleAsync(string slug, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.NewestFirst(slug).Select(r => r.Title).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The raw source of the current revision, exactly as ingested, or null.</summary>
    private async Task<(ArticleSummary Summary, string RawSource)?> FindOriginalAsync(string slug, CancellationToken cancellationToken = default)
    {
        var summary = await db.ArticleRevisions.NewestFirst(slug).Select(Summary).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }
        var rawSource = await db.ArticleRevisions.NewestFirst(slug).Select(r => r.RawSource).FirstAsync(cancellationToken);
        return (summary, rawSource);
    }
}
