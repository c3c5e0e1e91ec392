using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Library;

/// <summary>
/// A reader's own tags on the articles of their library: read for a page of rows or one article,
/// added to by an import (never removing what the reader has), and replaced by the reader. Names
/// follow the annotation tags' rules (trimmed, no invisible characters, case-insensitive repeats
/// dropped, at most 64 characters and 20 to an article).
/// </summary>
public sealed class LibraryTags(NewsReaderDb db, ReaderLibrary library)
{
    /// <summary>The reader's tags on each of these articles that has any, in name order.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> OfAsync(string userId, IReadOnlyCollection<int> articleIds, CancellationToken ct = default)
    {
        if (articleIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<string>>();
        }
        var rows = await db.LibraryTags.AsNoTracking().Where(t => t.UserId == userId && articleIds.Contains(t.ArticleId))
            .Select(t => new { t.ArticleId, t.Name }).ToListAsync(ct);
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)g.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The reader's tags on one article, in name order.</summary>
    public async Task<IReadOnlyList<string>> OfAsync(string userId, int articleId, CancellationToken ct = default) =>
        (await OfAsync(userId, [articleId], ct)).GetValueOrDefault(articleId) ?? [];

    /// <summary>The reader's tags on the article with this slug, in name order; null when it is not in their library.</summary>
    public async Task<IReadOnlyList<string>?> OfAsync(string userId, string slug, CancellationToken ct = default) =>
        await library.FindIdAsync(userId, slug, ct) is { } id ? await OfAsync(userId, id, ct) : null;

    /// <summary>
    /// Adds the tags the article does not have yet (as an import does: what the reader set stays,
    /// and the same tags again add nothing); names past the limits are cut, not refused, since
    /// an export is not the reader's typing. Saved with the caller's next <c>SaveChangesAsync</c>.
    /// </summary>
    public async Task AddAsync(string userId, int articleId, IEnumerable<string> names, CancellationToken ct = default)
    {
        var wanted = Normalize(names.Select(Fitted));
        if (wanted.Count == 0)
        {
            return;
        }
        var had = await OfAsync(userId, articleId, ct);
        var room = AnnotationRules.MaxTags - had.Count;
        foreach (var name in wanted.Where(n => !had.Contains(n, StringComparer.OrdinalIgnoreCase)).Take(Math.Max(0, room)))
        {
            db.LibraryTags.Add(new LibraryTag { UserId = userId, ArticleId = articleId, Name = name });
        }
    }

    /// <summary>
    /// Replaces the reader's tags on the article with this slug in their library. Null when it is
    /// not in their library; else the tags now on it, or the reason the names cannot be used.
    /// </summary>
    public async Task<(IReadOnlyList<string>? Tags, string? Problem)> SetAsync(string userId, string slug, IEnumerable<string> names, CancellationToken ct = default)
    {
        if (await library.FindIdAsync(userId, slug, ct) is not { } id)
        {
            return (null, null);
        }
        var wanted = Normalize(names);
        if (wanted.Select(AnnotationRules.TagProblem).FirstOrDefault(p => p is not null) is { } problem)
        {
            return ([], problem);
        }
        if (wanted.Count > AnnotationRules.MaxTags)
        {
            return ([], $"An article can have at most {AnnotationRules.MaxTags} tags.");
        }
        await db.LibraryTags.Where(t => t.UserId == userId && t.ArticleId == id).ExecuteDeleteAsync(ct);
        db.LibraryTags.AddRange(wanted.Select(name => new LibraryTag { UserId = userId, ArticleId = id, Name = name }));
        await db.SaveChangesAsync(ct);
        return (await OfAsync(userId, id, ct), null);
    }

    /// <summary>An exported name made to fit: commas, double quotes and control characters (which a tag cannot hold) become spaces, and it is cut at the limit.</summary>
    private static string Fitted(string name)
    {
        var fitted = new string(name.Select(c => char.IsControl(c) || c is ',' or '"' ? ' ' : c).ToArray()).Trim();
        return fitted.Length > AnnotationRules.MaxTagLength ? fitted[..AnnotationRules.MaxTagLength].Trim() : fitted;
    }

    private static IReadOnlyList<string> Normalize(IEnumerable<string> names) => AnnotationRules.NormalizeTags(names);
}
