using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Annotations;

/// <summary>What a caller asks to store: the selection, its note, tags, colour and visibility.</summary>
/// <remarks>A draft without a quote leaves an existing annotation where it is.</remarks>
public sealed record AnnotationDraft(
    TextQuoteSelector? Quote,
    TextPositionSelector? Position,
    string? Note,
    IReadOnlyList<string> Tags,
    string Color,
    Visibility Visibility);

/// <summary>Why an annotation request failed, as an HTTP status and a sentence for the person.</summary>
public sealed record AnnotationFailure(int Status, string Title, string Detail)
{
    public static AnnotationFailure NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", what);

    public static AnnotationFailure Invalid(string detail) => new(StatusCodes.Status400BadRequest, "Invalid annotation", detail);
}

/// <summary>An annotation or the reason there is none.</summary>
public readonly record struct AnnotationOutcome(Annotation? Annotation, AnnotationFailure? Failure)
{
    public static implicit operator AnnotationOutcome(Annotation annotation) => new(annotation, null);

    public static implicit operator AnnotationOutcome(AnnotationFailure failure) => new(null, failure);
}

/// <summary>
/// Creates, reads, changes and deletes annotations with the access rules applied: anyone sees
/// public annotations, only the owner sees private ones and only the owner changes anything.
/// What a caller may not see answers "not found", so ids do not leak.
/// </summary>
public sealed class AnnotationService(NewsReaderDb db, TimeProvider clock, RevisionTextCache texts, SlimRowsCache slimRows)
{
    /// <summary>The annotations on an article that <paramref name="userId"/> may see, in document order, orphans last.</summary>
    public async Task<IReadOnlyList<Annotation>?> ListForArticleAsync(string slug, string? userId, CancellationToken cancellationToken = default)
    {
        var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (articleId is null)
        {
            return null;
        }
        var list = await Visible(userId)
            .Where(a => a.ArticleId == articleId)
            .Include(a => a.Article).Include(a => a.Tags).Include(a => a.Owner)
            .AsNoTrackingWithIdentityResolution()
            .ToListAsync(cancellationToken);
        return list.OrderBy(a => a.Start ?? int.MaxValue).ThenBy(a => a.End).ThenBy(a => a.Created).ToList();
    }

    /// <summary>
    /// The reader page's list: what <see cref="ListForArticleAsync"/> gives, in the same order,
    /// but only the first <paramref name="fullPlaced"/> placed annotations and the orphans (the
    /// entries the page lists) are loaded whole. The others carry what their marks need (id,
    /// owner, visibility, colour, anchor, dates) and no quote, note or tags: a thousand whole
    /// annotations cost the page several times what the text itself costs. With
    /// <paramref name="mineOnly"/> the list shows only the reader's own, so those are the ones loaded whole.
    /// </summary>
    public async Task<IReadOnlyList<Annotation>?> ListForReaderAsync(string slug, string? userId, int fullPlaced, bool mineOnly = false, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.Where(a => a.Slug == slug).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }
        // The slim rows the reader could see (their own and the public ones), held while the stamp
        // of the article's annotations stays the same; which of them this reader sees is decided
        // here, on each request, as Visible() does.
        var stamp = await AnnotationChanges.StampAsync(db, article.Id, cancellationToken);
        var rows = await slimRows.GetAsync(new SlimRowsCache.Key(article.Id, userId), stamp, () => SlimRowsAsync(article.Id, userId, cancellationToken));
        var publicOnes = await ReaderLibrary.Of(db, userId).AnyAsync(l => l.Id == article.Id, cancellationToken);
        var ordered = rows.Where(r => (userId != null && r.OwnerId == userId) || (r.Visibility == Visibility.Public && publicOnes))
            .Select(r => new Annotation
            {
                Id = r.Id, ArticleId = article.Id, OwnerId = r.OwnerId, Visibility = r.Visibility, Color = r.Color,
                AnchorStatus = r.AnchorStatus, Start = r.Start, End = r.End, Created = r.Created, Modified = r.Modified, Version = r.Version,
                Exact = "", Prefix = "", Suffix = "",
            })
            .ToList();
        var listed = ordered.Where(a => a.AnchorStatus == AnchorStatus.Orphaned || a.Start is null || !(a.End > a.Start)).ToList();
        listed.AddRange(ordered.Except(listed).Where(a => !mineOnly || a.OwnerId == userId).Take(fullPlaced));
        var ids = listed.Select(a => a.Id).ToList();
        // One parameter for the whole list (not one per id): the SQL is then the same on every page and EF Core keeps it.
        var whole = ids.Count == 0 ? [] : await Visible(userId).Where(a => EF.Parameter(ids).Contains(a.Id)).Include(a => a.Tags).Include(a => a.Owner).AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i] = whole.GetValueOrDefault(ordered[i].Id) ?? ordered[i];
            ordered[i].Article = article;
        }
        return ordered;
    }

    /// <summary>
    /// The annotations on the article the reader could see (the public ones and, for a signed-in
    /// reader, their own) as the marks need them, in document order, orphans last (as
    /// <see cref="ListForArticleAsync"/> orders). Two index lookups, one per kind.
    /// </summary>
    private async Task<IReadOnlyList<SlimRowsCache.Row>> SlimRowsAsync(int articleId, string? userId, CancellationToken cancellationToken)
    {
        var onArticle = db.Annotations.Where(a => a.ArticleId == articleId);
        var candidates = onArticle.Where(a => a.Visibility == Visibility.Public);
        if (userId is not null)
        {
            candidates = candidates.Concat(onArticle.Where(a => a.OwnerId == userId && a.Visibility != Visibility.Public));
        }
        var rows = await candidates
            .Select(a => new SlimRowsCache.Row(a.Id, a.OwnerId, a.Visibility, a.Color, a.AnchorStatus, a.Start, a.End, a.Created, a.Modified, a.Version))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.Start ?? int.MaxValue).ThenBy(a => a.End).ThenBy(a => a.Created).ToList();
    }

    /// <summary>The annotation if <paramref name="userId"/> may see it.</summary>
    public Task<Annotation?> FindVisibleAsync(Guid id, string? userId, CancellationToken cancellationToken = default) =>
        Visible(userId).Include(a => a.Article).Include(a => a.Tags).Include(a => a.Owner).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<AnnotationOutcome> CreateAsync(string ownerId, string articleSlug, AnnotationDraft draft, CancellationToken cancellationToken = default) =>
        OnOneConnectionAsync(() => CreateOnceAsync(ownerId, articleSlug, draft, cancellationToken), cancellationToken);

    /// <summary>
    /// The current revision of the article with the slug if it is in the reader's library (not its
    /// text: that comes from the cache), with the article and the owner's display name for the
    /// answer. Compiled once; the library check is the reader's kept member row, one key lookup
    /// (<see cref="CountingTriggers"/> keeps it by <see cref="ReaderLibrary.Of"/>'s rule, in the
    /// same transaction as every change that rule reads).
    /// </summary>
    private static readonly CompiledPerModel<Func<NewsReaderDb, string, string, CancellationToken, Task<CurrentRevision?>>> HeadInLibrary =
        new(() => EF.CompileAsyncQuery((NewsReaderDb db, string slug, string ownerId, CancellationToken _) =>
            db.ArticleRevisions.Where(r => r.Article.Slug == slug)
                .Where(r => db.LibraryMembers.Where(LibraryMember.InLibrary).Any(m => m.UserId == ownerId && m.ArticleId == r.ArticleId))
                .OrderByDescending(r => r.Number)
                .Select(r => new CurrentRevision(r.Id, r.ArticleId, r.Number, r.Article, db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstOrDefault()))
                .AsNoTracking()
                .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<NewsReaderDb, int, CancellationToken, Task<CurrentRevision>>> HeadOfArticle =
        new(() => EF.CompileAsyncQuery((NewsReaderDb db, int articleId, CancellationToken _) =>
            db.ArticleRevisions.Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
                .Select(r => new CurrentRevision(r.Id, r.ArticleId, r.Number, null, null))
                .First()));

    /// <summary>The caller's annotation, tracked, with what the answer shows (tags, article, owner).</summary>
    private static readonly CompiledPerModel<Func<NewsReaderDb, Guid, string, CancellationToken, Task<Annotation?>>> OwnedWhole =
        new(() => EF.CompileAsyncQuery((NewsReaderDb db, Guid id, string userId, CancellationToken _) =>
            db.Annotations.Include(a => a.Tags).Include(a => a.Article).Include(a => a.Owner).SingleOrDefault(a => a.Id == id && a.OwnerId == userId)));

    private static readonly CompiledPerModel<Func<NewsReaderDb, Guid, string, CancellationToken, Task<Annotation?>>> OwnedWithTags =
        new(() => EF.CompileAsyncQuery((NewsReaderDb db, Guid id, string userId, CancellationToken _) =>
            db.Annotations.Include(a => a.Tags).SingleOrDefault(a => a.Id == id && a.OwnerId == userId)));

    /// <summary>
    /// Runs a write's queries and save on one open connection: EF Core otherwise opens and closes
    /// it around each of them, and on SQLite every open registers EF Core's functions again.
    /// </summary>
    private async Task<T> OnOneConnectionAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<AnnotationOutcome> CreateOnceAsync(string ownerId, string articleSlug, AnnotationDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Quote is null)
        {
            return AnnotationFailure.Invalid("The target needs a TextQuoteSelector naming the text to highlight.");
        }
        if (Validate(draft) is { } invalid)
        {
            return invalid;
        }
        var head = await HeadInLibrary.For(db)(db, articleSlug, ownerId, cancellationToken);
        if (head is null)
        {
            return AnnotationFailure.NotFound($"No article has the slug '{articleSlug}'.");
        }
        if (Place(await TextOfAsync(head, cancellationToken), draft) is not { } placed)
        {
            return QuoteNotFound(draft.Quote!);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var annotation = new Annotation
        {
            Id = Guid.NewGuid(),
            ArticleId = head.ArticleId,
            OwnerId = ownerId,
            Created = now,
            Modified = now,
            Version = 1,
            Color = draft.Color,
            Visibility = draft.Visibility,
            Exact = placed.Quote.Exact,
            Prefix = placed.Quote.Prefix,
            Suffix = placed.Quote.Suffix,
            MadeOnRevision = head.Number,
            AnchoredRevision = head.Number,
            AnchorStatus = AnchorStatus.Anchored,
            Start = placed.Start,
            End = placed.End,
        };
        ApplyContent(annotation, draft);
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        // The answer is the entity just saved (its tags have their ids now), not a second read.
        // Detached first, so the article and owner set for the answer are never saved.
        Detach(annotation);
        annotation.Article = head.Article!;
        annotation.Owner = new Accounts.AppUser { Id = ownerId, DisplayName = head.OwnerName ?? "" };
        return annotation;
    }

    /// <summary>
    /// Replaces the note, tags, colour and visibility, and re-attaches the annotation when
    /// the draft carries a quote (a new selection). <paramref name="expectedVersions"/> (If-Match)
    /// guards against overwriting a change the caller has not seen (412).
    /// </summary>
    public Task<AnnotationOutcome> UpdateAsync(Guid id, string userId, AnnotationDraft draft, IReadOnlyCollection<int>? expectedVersions,
        CancellationToken cancellationToken = default, string? articleSlug = null) =>
        OnOneConnectionAsync(() => UpdateWithRetriesAsync(id, userId, draft, expectedVersions, articleSlug, cancellationToken), cancellationToken);

    private async Task<AnnotationOutcome> UpdateWithRetriesAsync(Guid id, string userId, AnnotationDraft draft, IReadOnlyCollection<int>? expectedVersions,
        string? articleSlug, CancellationToken cancellationToken)
    {
        // Without If-Match the caller asked for "whatever is there": a write that raced with
        // another is read again and applied on top, never refused. With If-Match, a race is a 412.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await UpdateOnceAsync(id, userId, draft, expectedVersions, articleSlug, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (expectedVersions is null && attempt < MaxUnconditionalAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new AnnotationFailure(StatusCodes.Status412PreconditionFailed, "Changed meanwhile", "The annotation was changed at the same time. Reload it and try again.");
            }
        }
    }

    // Enough for dozens of writers on one annotation; each retry reads the latest version.
    private const int MaxUnconditionalAttempts = 50;

    private async Task<AnnotationOutcome> UpdateOnceAsync(Guid id, string userId, AnnotationDraft draft, IReadOnlyCollection<int>? expectedVersions,
        string? articleSlug, CancellationToken cancellationToken)
    {
        var annotation = await OwnedWhole.For(db)(db, id, userId, cancellationToken);
        if (annotation is null)
        {
            return AnnotationFailure.NotFound("No annotation of yours has this id.");
        }
        if (articleSlug is not null && articleSlug != annotation.Article.Slug)
        {
            return AnnotationFailure.Invalid($"An annotation stays on its article: target.source must be the URL of '{annotation.Article.Slug}'.");
        }
        if (expectedVersions is { } expected && !expected.Contains(annotation.Version))
        {
            return new AnnotationFailure(StatusCodes.Status412PreconditionFailed, "Changed meanwhile",
                "The annotation was changed since you read it. Reload it and apply your change again.");
        }
        if (Validate(draft) is { } invalid)
        {
            return invalid;
        }
        if (draft.Quote is { } quote)
        {
            var head = await HeadOfArticle.For(db)(db, annotation.ArticleId, cancellationToken);
            if (Place(await TextOfAsync(head, cancellationToken), draft) is not { } placed)
            {
                return QuoteNotFound(quote);
            }
            annotation.Exact = placed.Quote.Exact;
            annotation.Prefix = placed.Quote.Prefix;
            annotation.Suffix = placed.Quote.Suffix;
            annotation.MadeOnRevision = annotation.AnchoredRevision = head.Number;
            annotation.AnchorStatus = AnchorStatus.Anchored;
            annotation.Start = placed.Start;
            annotation.End = placed.End;
        }
        annotation.Color = draft.Color;
        annotation.Visibility = draft.Visibility;
        db.AnnotationTags.RemoveRange(annotation.Tags);
        annotation.Tags.Clear();
        ApplyContent(annotation, draft);
        annotation.Modified = clock.GetUtcNow().UtcDateTime;
        annotation.Version++;
        await db.SaveChangesAsync(cancellationToken);
        // The answer is the entity just saved, with its article, owner and new tags: no second read.
        Detach(annotation);
        return annotation;
    }

    /// <summary>
    /// Accepts what a revision made of a changed (or moved) highlight: the words it now stands on
    /// become its quote, described again from the current text, and it is anchored again.
    /// </summary>
    public async Task<AnnotationOutcome> KeepNewTextAsync(Guid id, string userId, CancellationToken cancellationToken = default)
    {
        var annotation = await Owned(id, userId).Include(a => a.Article).SingleOrDefaultAsync(cancellationToken);
        if (annotation is null)
        {
            return AnnotationFailure.NotFound("No annotation of yours has this id.");
        }
        if (annotation.AnchorStatus is not (AnchorStatus.Changed or AnchorStatus.Moved) || annotation.Start is not { } start || annotation.End is not { } end)
        {
            return new AnnotationFailure(StatusCodes.Status409Conflict, "Nothing to keep",
                "Only a highlight placed on changed text can take the new text as its quote; re-attach an orphan to new text instead.");
        }
        var revision = await CurrentRevisionAsync(annotation.Article.Slug, cancellationToken);
        var text = new CodePointText(revision!.Text);
        if (end > text.Length || start >= end)
        {
            return new AnnotationFailure(StatusCodes.Status409Conflict, "Nothing to keep", "The highlight's place is not in the current text; re-attach it to new text instead.");
        }
        var quote = QuoteDescriber.Describe(text, start, end);
        annotation.Exact = quote.Exact;
        annotation.Prefix = quote.Prefix;
        annotation.Suffix = quote.Suffix;
        annotation.MadeOnRevision = annotation.AnchoredRevision = revision.Number;
        annotation.AnchorStatus = AnchorStatus.Anchored;
        annotation.Modified = clock.GetUtcNow().UtcDateTime;
        annotation.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindVisibleAsync(annotation.Id, userId, cancellationToken))!;
    }

    /// <summary>How long a deleted annotation can be restored; the reader's Undo lasts 10 seconds, this leaves room for a slow network.</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// Deletes the annotation if it is the caller's, keeping a tombstone its owner can restore
    /// (<see cref="RestoreAsync"/>) within <see cref="RestoreWindow"/>; false when there is none to delete.
    /// </summary>
    public Task<bool> DeleteAsync(Guid id, string userId, CancellationToken cancellationToken = default) =>
        OnOneConnectionAsync(() => DeleteOnceAsync(id, userId, cancellationToken), cancellationToken);

    private async Task<bool> DeleteOnceAsync(Guid id, string userId, CancellationToken cancellationToken)
    {
        var annotation = await OwnedWithTags.For(db)(db, id, userId, cancellationToken);
        if (annotation is null)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await db.DeletedAnnotations.Where(d => d.DeletedAt < now - RestoreWindow || d.Id == id).ExecuteDeleteAsync(cancellationToken);
        db.DeletedAnnotations.Add(new DeletedAnnotation { Id = id, OwnerId = userId, DeletedAt = now, Snapshot = AnnotationSnapshot.Of(annotation).ToJson() });
        db.Annotations.Remove(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Puts a deleted annotation back as it was, with the same id, note and tags. Only its owner
    /// can, within <see cref="RestoreWindow"/>; anyone else, or after that, finds nothing (404).
    /// Placed again on the article's current text when a new revision came in meanwhile.
    /// </summary>
    public async Task<AnnotationOutcome> RestoreAsync(Guid id, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tombstone = await db.DeletedAnnotations.SingleOrDefaultAsync(d => d.Id == id && d.OwnerId == userId, cancellationToken);
        if (tombstone is null || tombstone.DeletedAt < now - RestoreWindow)
        {
            return AnnotationFailure.NotFound("No annotation of yours with this id was deleted recently.");
        }
        var annotation = AnnotationSnapshot.FromJson(tombstone.Snapshot).ToAnnotation(now);
        var revision = await db.ArticleRevisions.Where(r => r.ArticleId == annotation.ArticleId).OrderByDescending(r => r.Number).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (revision is not null)
        {
            await AnnotationAnchoring.PlaceOnAsync(db, annotation, revision, cancellationToken);
        }
        db.DeletedAnnotations.Remove(tombstone);
        db.Annotations.Add(annotation);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindVisibleAsync(id, userId, cancellationToken))!;
    }

    /// <summary>
    /// The reader's own annotations, wherever they are (they outlive the article leaving their
    /// library), and the public ones on articles in their library: public means "to everyone who
    /// can open the article", and an article outside it does not exist for them.
    /// </summary>
    private IQueryable<Annotation> Visible(string? userId)
    {
        var library = ReaderLibrary.Of(db, userId);
        return db.Annotations.Where(a => (userId != null && a.OwnerId == userId)
            || (a.Visibility == Visibility.Public && library.Any(l => l.Id == a.ArticleId)));
    }

    private IQueryable<Annotation> Owned(Guid id, string userId) =>
        db.Annotations.Where(a => a.Id == id && a.OwnerId == userId);

    private Task<ArticleRevision?> CurrentRevisionAsync(string slug, CancellationToken cancellationToken) =>
        db.ArticleRevisions.NewestFirst(slug).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    private sealed record Placement(int Start, int End, TextQuoteSelector Quote);

    /// <summary>The current revision of an article, without its text; for a create, the article and the owner's name too.</summary>
    private sealed record CurrentRevision(int Id, int ArticleId, int Number, Article? Article, string? OwnerName);

    private Task<CodePointText> TextOfAsync(CurrentRevision head, CancellationToken cancellationToken) =>
        texts.GetAsync(new RevisionTextCache.Key(head.Id, head.ArticleId, head.Number),
            () => db.ArticleRevisions.Where(r => r.Id == head.Id).Select(r => r.Text).SingleAsync(cancellationToken));

    /// <summary>Stops tracking a saved annotation and its tags, so what is set on it for the answer is never saved.</summary>
    private void Detach(Annotation annotation)
    {
        foreach (var tag in annotation.Tags)
        {
            db.Entry(tag).State = EntityState.Detached;
        }
        db.Entry(annotation).State = EntityState.Detached;
    }

    /// <summary>
    /// Finds the selection in the revision and describes it again from the text itself, so
    /// the stored quote and its 32 characters of context are exactly what the text holds.
    /// A new selection is made on the current text, so its quote must be there word for word:
    /// the approximate search is for carrying annotations across revisions, and on a fresh
    /// quote it would pin a mistyped or stale one on whatever passage looks most alike.
    /// </summary>
    private static Placement? Place(CodePointText text, AnnotationDraft draft)
    {
        var result = Anchorer.Anchor(text, QuoteDescriber.WithAnchoringContext(draft.Quote!), draft.Position, options: AnchorOptions.NewSelection);
        if (result is not { Start: { } start, End: { } end } || end <= start)
        {
            return null;
        }
        return new Placement(start, end, QuoteDescriber.Describe(text, start, end));
    }

    private static void ApplyContent(Annotation annotation, AnnotationDraft draft)
    {
        annotation.SetNote(draft.Note);
        annotation.AddTags(draft.Tags);
    }

    private static AnnotationFailure? Validate(AnnotationDraft draft)
    {
        if (draft.Quote is { } quote && string.IsNullOrWhiteSpace(quote.Exact))
        {
            return AnnotationFailure.Invalid("The quote (TextQuoteSelector.exact) is empty: select some text to annotate.");
        }
        if (draft.Quote is { Exact.Length: > AnnotationRules.MaxQuoteLength })
        {
            return AnnotationFailure.Invalid($"The quote is longer than {AnnotationRules.MaxQuoteLength:N0} characters.");
        }
        if (draft.Quote is { } q && (q.Prefix.Length > AnnotationRules.MaxContextLength || q.Suffix.Length > AnnotationRules.MaxContextLength))
        {
            return AnnotationFailure.Invalid($"A prefix or suffix is longer than {AnnotationRules.MaxContextLength:N0} characters.");
        }
        if (draft.Position is { } p && (p.Start < 0 || p.End < p.Start))
        {
            return AnnotationFailure.Invalid($"The TextPositionSelector [{p.Start}, {p.End}) is not a range: start must be at least 0 and end not before start.");
        }
        return AnnotationRules.Problem(draft.Note, draft.Tags, draft.Color) is { } problem ? AnnotationFailure.Invalid(problem) : null;
    }

    private static AnnotationFailure QuoteNotFound(TextQuoteSelector quote) =>
        new(StatusCodes.Status422UnprocessableEntity, "Quote not found",
            $"The quoted text \"{Shorten(quote.Exact)}\" is not in the current revision of the article.");

    private static string Shorten(string text) => TextShortener.Shorten(text, 60);
}
