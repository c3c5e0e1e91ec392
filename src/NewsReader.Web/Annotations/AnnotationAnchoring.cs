using NewsReader.Core.Text;
using Microsoft.EntityFrameworkCore;
using NewsReader.Core.Anchoring;
using NewsReader.Web.Data;

namespace NewsReader.Web.Annotations;

/// <summary>
/// Places every annotation of an article on a new revision. Called by ingestion inside the
/// transaction that stores the revision, so annotations and text never disagree.
/// </summary>
public static class AnnotationAnchoring
{
    /// <summary>Re-anchors the article's annotations on <paramref name="revision"/>; returns how many moved or were orphaned.</summary>
    public static async Task<(int Anchored, int Moved, int Orphaned)> ReanchorAsync(NewsReaderDb db, int articleId, ArticleRevision revision, CancellationToken cancellationToken)
    {
        var annotations = await db.Annotations.Where(a => a.ArticleId == articleId).ToListAsync(cancellationToken);
        if (annotations.Count == 0)
        {
            return (0, 0, 0);
        }
        var text = new CodePointText(revision.Text);
        int anchored = 0, moved = 0, orphaned = 0;
        foreach (var annotation in annotations)
        {
            var quote = new TextQuoteSelector(annotation.Exact, annotation.Prefix, annotation.Suffix);
            // The last known position is the best hint; an orphan has none, so let the quote decide.
            var position = annotation.Start is { } s && annotation.End is { } e ? new TextPositionSelector(s, e) : null;
            var result = Anchorer.Anchor(text, quote, position);
            var wasAt = (annotation.Start, annotation.End);
            annotation.AnchoredRevision = revision.Number;
            annotation.Version++;
            annotation.Start = result.Start;
            annotation.End = result.End;
            annotation.AnchorStatus = result.Status switch
            {
                AnchorStatus.Orphaned => AnchorStatus.Orphaned,
                AnchorStatus.Anchored when wasAt == (result.Start, result.End) => AnchorStatus.Anchored,
                _ => AnchorStatus.Moved,
            };
            switch (annotation.AnchorStatus)
            {
                case AnchorStatus.Anchored: anchored++; break;
                case AnchorStatus.Moved: moved++; break;
                default: orphaned++; break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return (anchored, moved, orphaned);
    }
}
