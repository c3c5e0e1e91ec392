using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Annotations;

/// <summary>A tag of mine and how many of my annotations carry it.</summary>
public sealed record TagCount(string Name, int Count);

/// <summary>
/// The tags of one reader's annotations: counted, renamed and merged across all of them in one
/// transaction. Tags compare case-insensitively, so renaming "Japan" to "japan" just respells it.
/// </summary>
public sealed class TagService(NewsReaderDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TagCount>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var names = await db.AnnotationTags
            .Where(t => db.Annotations.Any(a => a.Id == t.AnnotationId && a.OwnerId == userId))
            .Select(t => t.Name)
            .ToListAsync(cancellationToken);
        return names
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TagCount(g.First(), g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Gives every annotation of mine tagged <paramref name="from"/> the tag <paramref name="to"/>
    /// instead. When <paramref name="to"/> is a tag I already use, the two merge. Returns how
    /// many annotations changed, or the reason nothing could.
    /// </summary>
    public async Task<(int Changed, string? Problem)> RenameAsync(string userId, string from, string to, CancellationToken cancellationToken = default)
    {
        from = from.Trim();
        to = AnnotationRules.NormalizeTags([to]).FirstOrDefault() ?? "";
        if (to.Length == 0)
        {
            return (0, "Give the new name of the tag.");
        }
        if (AnnotationRules.TagProblem(to) is { } problem)
        {
            return (0, problem);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var annotations = await db.Annotations
            // Name's NOCASE collation, as everywhere tags are compared in SQL: lower() on one side
            // and C#'s ToLower on the other disagree beyond ASCII.
            .Where(a => a.OwnerId == userId && a.Tags.Any(t => t.Name == from))
            .Include(a => a.Tags)
            .ToListAsync(cancellationToken);
        if (annotations.Count == 0)
        {
            return (0, $"None of your annotations has the tag '{from}'.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var annotation in annotations)
        {
            var old = annotation.Tags.Where(t => string.Equals(t.Name, from, StringComparison.OrdinalIgnoreCase)).ToList();
            var target = annotation.Tags.FirstOrDefault(t => string.Equals(t.Name, to, StringComparison.OrdinalIgnoreCase) && !old.Contains(t));
            if (target is null)
            {
                old[0].Name = to;
                old.RemoveAt(0);
            }
            db.AnnotationTags.RemoveRange(old);
            annotation.Tags.RemoveAll(old.Contains);
            annotation.SyncTagsText();
            annotation.Modified = now;
            annotation.Version++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (0, "Some of these annotations were changed at the same moment; nothing was renamed. Try again.");
        }
        await transaction.CommitAsync(cancellationToken);
        return (annotations.Count, null);
    }
}
