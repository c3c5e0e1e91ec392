
namespace NewsReader.Web.Annotations;

/// <summary>Who may read an annotation besides its owner.</summary>
public enum Visibility
{
    Private,
    Public,
}

/// <summary>
/// A highlight with an optional Markdown note and tags, anchored to an article by W3C
/// selectors. The quote selector is what the reader selected, with its context, on the
/// revision it was made on; Start/End place it on the article's current revision.
/// </summary>
public sealed class Annotation
{
    /// <summary>The row's integer key: the stable rowid the full-text index refers to.</summary>
    public long Seq { get; set; }

    /// <summary>The public id, in URLs and the API; random so ids cannot be guessed.</summary>
    public Guid Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public required string OwnerId { get; set; }

    /// <summary>The owner's account, loaded where the author's display name is shown (<see cref="AuthorName"/>).</summary>
    public Accounts.AppUser? Owner { get; set; }

    /// <summary>The owner's display name; empty when the owner was not loaded.</summary>
    public string AuthorName => Owner?.DisplayName ?? "";
    public Visibility Visibility { get; set; }
    public required string Color { get; set; }

    /// <summary>The note as the owner wrote it, Markdown; null for a bare highlight.</summary>
    public string? Note { get; set; }

    /// <summary>The note rendered by <c>NoteMarkdown</c>, safe to put in a page as is.</summary>
    public string? NoteHtml { get; set; }

    public List<AnnotationTag> Tags { get; set; } = [];

    /// <summary>The tags joined by spaces, kept in step with <see cref="Tags"/> for the full-text index.</summary>
    public string TagsText { get; set; } = "";

    public required string Exact { get; set; }
    public required string Prefix { get; set; }
    public required string Suffix { get; set; }

    /// <summary>The revision whose text the selectors were made on.</summary>
    public int MadeOnRevision { get; set; }

    /// <summary>The revision <see cref="Start"/> and <see cref="End"/> refer to.</summary>
    public int AnchoredRevision { get; set; }

    public AnchorStatus AnchorStatus { get; set; }
    public int? Start { get; set; }
    public int? End { get; set; }

    public DateTime Created { get; set; }
    public DateTime Modified { get; set; }

    /// <summary>
    /// For an imported annotation, a hash of where it came from (its source id, else its target
    /// and body), so importing the same file again adds nothing; null for one made here.
    /// </summary>
    public string? ImportKey { get; set; }

    /// <summary>
    /// For an annotation imported from someone else's export (its W3C <c>creator</c> is not the
    /// importing reader), that creator's name, shown as "from &lt;name&gt;"; null for the reader's own.
    /// </summary>
    public string? ImportedFrom { get; set; }

    /// <summary>Bumped on every change; the ETag and the optimistic-concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>
    /// Sets the note and its rendering together, so the two never disagree: blank is no note;
    /// control characters other than line breaks and tabs go (search uses two as markers).
    /// </summary>
    public void SetNote(string? markdown)
    {
        Note = string.IsNullOrWhiteSpace(markdown) ? null : AnnotationRules.WithoutControlCharacters(markdown);
        NoteHtml = Note is null ? null : NoteMarkdown.ToSafeHtml(Note);
    }

    /// <summary>Adds tags (already normalised) and keeps <see cref="TagsText"/>, the full-text index's copy, in step.</summary>
    public void AddTags(IEnumerable<string> names)
    {
        Tags.AddRange(names.Select(name => new AnnotationTag { Name = name }));
        SyncTagsText();
    }

    /// <summary>Re-reads <see cref="TagsText"/> from <see cref="Tags"/>, in the order they were added.</summary>
    public void SyncTagsText() => TagsText = string.Join('\n', Tags.OrderBy(t => t.Id).Select(t => t.Name));
}

/// <summary>One tag of an annotation (a W3C body with purpose "tagging").</summary>
public sealed class AnnotationTag
{
    public int Id { get; set; }
    public Guid AnnotationId { get; set; }
    public required string Name { get; set; }
}
