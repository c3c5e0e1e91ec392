namespace NewsReader.Web.Library;

/// <summary>
/// A file ingestion has read, as it was then: enough to tell an unchanged file by its size and
/// time before reading it, and by its hash before parsing it, and to say again why a file was
/// skipped without parsing it again.
/// </summary>
public sealed class SourceFile
{
    public int Id { get; set; }
    /// <summary>The file's key: its path inside the seeds folder, else its full path.</summary>
    public required string Path { get; set; }
    public long Size { get; set; }
    /// <summary>The file's last write time in UTC ticks, as the file system reported it.</summary>
    public long ModifiedTicks { get; set; }
    /// <summary>SHA-256 of the file's bytes, hex.</summary>
    public required string ContentHash { get; set; }
    /// <summary>Why the file holds no article, when it was skipped; null when it was read.</summary>
    public string? SkipReason { get; set; }
    public DateTime ReadAt { get; set; }
}
