namespace NewsReader.Web.Annotations;

/// <summary>
/// A deleted annotation kept for a while so its owner can undo the delete: the row as it was
/// (tags and note included) in <see cref="Snapshot"/>, JSON. Restoring puts it back with the
/// same id; tombstones older than a day are pruned on the next delete.
/// </summary>
public sealed class DeletedAnnotation
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public DateTime DeletedAt { get; set; }
    public required string Snapshot { get; set; }
}
