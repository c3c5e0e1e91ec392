using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Revisions;

/// <summary>
/// Places every annotation of an article on a new revision. Called by ingestion inside the
/// transaction that stores the revision, so annotations and text never disagree.
/// </summary>
public static class AnnotationAnchoring
{
    /// <summary>
    /// Re-anchors the article's annotations on <paramref name="revision"/> (<see cref="RevisionAnchorer"/>:
    /// each range through the diff of the revision it was placed on and the new one, quote search
    /// for those without a range); returns how many were anchored, changed or moved, and orphaned.
    /// </summary>
    public static async Task<(int Anchored, int Changed, int Orphaned)> ReanchorAsync(NewsReaderDb db, int articleId, ArticleRevision revision, CancellationToken cancellationToken)
    {
        var annotations = await db.Annotations.Where(a => a.ArticleId == articleId).ToListAsync(cancellationToken);
        if (annotations.Count == 0)
        {
            return (0, 0, 0);
        }
        var text = new CodePointText(revision.Text);
        // Annotations are normally all on the previous revision: one diff serves them all.
        var bases = annotations.Select(a => a.AnchoredRevision).Where(n => n != revision.Number).Distinct().ToList();
        var oldTexts = await db.ArticleRevisions.Where(r => r.ArticleId == articleId && bases.Contains(r.Number))
            .Select(r => new { r.Number, r.Text }).ToDictionaryAsync(r => r.Number, r => r.Text, cancellationToken);
        var anchorers = new Dictionary<int, RevisionAnchorer>();
        RevisionAnchorer AnchorerFor(int number) =>
            anchorers.TryGetValue(number, out var found) ? found
            : anchorers[number] = new RevisionAnchorer(text, oldTexts.TryGetValue(number, out var old) ? new CodePointText(old) : null);

        int anchored = 0, changed = 0, orphaned = 0;
        foreach (var annotation in annotations)
        {
            Place(annotation, AnchorerFor(annotation.AnchoredRevision), revision.Number);
            annotation.Version++;
            switch (annotation.AnchorStatus)
            {
                case AnchorStatus.Anchored: anchored++; break;
                case AnchorStatus.Orphaned: orphaned++; break;
                default: changed++; break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return (anchored, changed, orphaned);
    }

    /// <summary>
    /// Places one annotation (not yet saved, e.g. one being restored) on the article's newest
    /// revision <paramref name="revision"/> when it was anchored on an older one, by the same rules.
    /// </summary>
    public static async Task PlaceOnAsync(NewsReaderDb db, Annotation annotation, ArticleRevision revision, CancellationToken cancellationToken)
    {
        if (revision.Number == annotation.AnchoredRevision)
        {
            return;
        }
        var old = await db.ArticleRevisions.Where(r => r.ArticleId == annotation.ArticleId && r.Number == annotation.AnchoredRevision)
            .Select(r => r.Text).SingleOrDefaultAsync(cancellationToken);
        var anchorer = new RevisionAnchorer(new CodePointText(revision.Text), old is null ? null : new CodePointText(old));
        Place(annotation, anchorer, revision.Number);
    }

    private static void Place(Annotation annotation, RevisionAnchorer anchorer, int revisionNumber)
    {
        var quote = new TextQuoteSelector(annotation.Exact, annotation.Prefix, annotation.Suffix);
        // An orphan has no range to carry over: its quote alone decides.
        var range = annotation.Start is { } s && annotation.End is { } e && annotation.AnchorStatus != AnchorStatus.Orphaned
            ? new TextPositionSelector(s, e) : null;
        var result = anchorer.Anchor(quote, range);
        annotation.AnchoredRevision = revisionNumber;
        annotation.Start = result.Start;
        annotation.End = result.End;
        annotation.AnchorStatus = result.Status;
    }
}
