using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Revisions;

/// <summary>One revision in an article's history: when it came in, from where, and its title.</summary>
public sealed record RevisionInfo(int Number, DateTime IngestedAt, string Source, string Title, int WordCount);

/// <summary>
/// Two revisions and the word-level diff from the first to the second; when
/// <see cref="TooLarge"/>, the two differ too much to compare within bounds (see
/// <see cref="RevisionDiffs"/>) and the diff is empty.
/// </summary>
public sealed record RevisionComparison(RevisionInfo From, RevisionInfo To, IReadOnlyList<DiffOp> Diff, ParagraphChanges Paragraphs)
{
    public bool TooLarge { get; init; }

    public const string TooLargeDetail = "These two revisions differ too much to compare word by word. Open each revision to read it, or compare revisions closer together.";
}

/// <summary>What the reader is told when the article changed since they last saw it.</summary>
public sealed record UpdateNotice(int SeenRevision, int CurrentRevision, ParagraphChanges Paragraphs);

/// <summary>
/// An article's revisions, the diff of any two, and whether a reader has seen the newest one.
/// Articles are readable by anyone, so their history is too; what a reader has seen is theirs.
/// </summary>
public sealed class RevisionService(NewsReaderDb db, TimeProvider clock, RevisionDiffs diffs)
{
    /// <summary>Every revision of the article, oldest first; null when there is no such article.</summary>
    public async Task<IReadOnlyList<RevisionInfo>?> ListAsync(string slug, CancellationToken ct = default)
    {
        var list = await db.ArticleRevisions.Where(r => r.Article.Slug == slug).OrderBy(r => r.Number)
            .Select(r => new RevisionInfo(r.Number, r.IngestedAt, r.Origin, r.Title, r.WordCount)).ToListAsync(ct);
        return list.Count == 0 ? null : list;
    }

    /// <summary>The diff from revision <paramref name="from"/> to <paramref name="to"/>; null when the article or either revision does not exist.</summary>
    public async Task<RevisionComparison?> CompareAsync(string slug, int from, int to, CancellationToken ct = default)
    {
        var revisions = await db.ArticleRevisions.Where(r => r.Article.Slug == slug && (r.Number == from || r.Number == to))
            .Select(r => new { r.Id, Info = new RevisionInfo(r.Number, r.IngestedAt, r.Origin, r.Title, r.WordCount), r.Text })
            .ToListAsync(ct);
        var older = revisions.FirstOrDefault(r => r.Info.Number == from);
        var newer = revisions.FirstOrDefault(r => r.Info.Number == to);
        if (older is null || newer is null)
        {
            return null;
        }
        var blocks = await db.Set<RevisionBlock>().Where(b => b.RevisionId == older.Id || b.RevisionId == newer.Id)
            .OrderBy(b => b.Ordinal).Select(b => new { b.RevisionId, Block = new TextBlock(b.Kind, b.Start, b.End) }).ToListAsync(ct);
        if (await diffs.DiffAsync(older.Id, older.Text, newer.Id, newer.Text, ct) is not { } diff)
        {
            return new RevisionComparison(older.Info, newer.Info, [], new ParagraphChanges(new HashSet<int>(), 0)) { TooLarge = true };
        }
        var paragraphs = ParagraphChanges.Find(diff,
            blocks.Where(b => b.RevisionId == older.Id).Select(b => b.Block).ToList(),
            blocks.Where(b => b.RevisionId == newer.Id).Select(b => b.Block).ToList());
        return new RevisionComparison(older.Info, newer.Info, diff, paragraphs);
    }

    /// <summary>
    /// Whether the article changed since the reader last saw it, and how. The first visit
    /// records the current revision as seen, so a reader is told of revisions that come later;
    /// the notice then stays until they mark the update as seen.
    /// </summary>
    public async Task<UpdateNotice?> NoticeAsync(string userId, string slug, CancellationToken ct = default)
    {
        var current = await db.ArticleRevisions.NewestFirst(slug).Select(r => new { r.ArticleId, r.Number }).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return null;
        }
        var seen = await db.ReadingStates.Where(s => s.UserId == userId && s.ArticleId == current.ArticleId)
            .Select(s => s.SeenRevision).FirstOrDefaultAsync(ct);
        if (seen is null)
        {
            await MarkSeenAsync(userId, slug, ct);
            return null;
        }
        if (seen >= current.Number || await CompareAsync(slug, seen.Value, current.Number, ct) is not { TooLarge: false } comparison)
        {
            return null;
        }
        return new UpdateNotice(seen.Value, current.Number, comparison.Paragraphs);
    }

    /// <summary>Records that the reader has seen the article's current revision; false when there is no such article.</summary>
    public async Task<bool> MarkSeenAsync(string userId, string slug, CancellationToken ct = default)
    {
        var current = await db.ArticleRevisions.NewestFirst(slug).Select(r => new { r.ArticleId, r.Number }).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.ReadingStates.Where(s => s.UserId == userId && s.ArticleId == current.ArticleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.SeenRevision, current.Number).SetProperty(x => x.UpdatedAt, now), ct);
        if (updated == 0)
        {
            db.ReadingStates.Add(new ReadingState { UserId = userId, ArticleId = current.ArticleId, SeenRevision = current.Number, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same reader's other request created the row first; it says the same.
                db.ChangeTracker.Clear();
            }
        }
        return true;
    }
}
