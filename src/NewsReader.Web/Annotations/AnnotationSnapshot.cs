using System.Text.Json;

namespace NewsReader.Web.Annotations;

/// <summary>
/// An annotation as it was when deleted, everything needed to put it back as it was: same id,
/// note, tags, colour, visibility, anchor and dates. Stored as JSON in a <see cref="DeletedAnnotation"/>.
/// </summary>
internal sealed record AnnotationSnapshot(
    Guid Id, int ArticleId, string OwnerId, Visibility Visibility, string Color, string? Note, string? NoteHtml,
    IReadOnlyList<string> Tags, string Exact, string Prefix, string Suffix, int MadeOnRevision, int AnchoredRevision,
    AnchorStatus AnchorStatus, int? Start, int? End, DateTime Created, DateTime Modified, int Version)
{
    public static AnnotationSnapshot Of(Annotation a) => new(
        a.Id, a.ArticleId, a.OwnerId, a.Visibility, a.Color, a.Note, a.NoteHtml, a.Tags.OrderBy(t => t.Id).Select(t => t.Name).ToList(),
        a.Exact, a.Prefix, a.Suffix, a.MadeOnRevision, a.AnchoredRevision, a.AnchorStatus, a.Start, a.End, a.Created, a.Modified, a.Version);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static AnnotationSnapshot FromJson(string json) => JsonSerializer.Deserialize<AnnotationSnapshot>(json)!;

    /// <summary>The annotation again; its version moves on so an ETag taken before the delete does not match.</summary>
    public Annotation ToAnnotation(DateTime now)
    {
        // The note HTML is rendered again, as for any note: the rules may have changed since the delete.
        var annotation = new Annotation
        {
            Id = Id,
            ArticleId = ArticleId,
            OwnerId = OwnerId,
            Visibility = Visibility,
            Color = Color,
            Exact = Exact,
            Prefix = Prefix,
            Suffix = Suffix,
            MadeOnRevision = MadeOnRevision,
            AnchoredRevision = AnchoredRevision,
            AnchorStatus = AnchorStatus,
            Start = Start,
            End = End,
            Created = Created,
            Modified = now,
            Version = Version + 1,
        };
        annotation.SetNote(Note);
        annotation.AddTags(Tags);
        return annotation;
    }
}
