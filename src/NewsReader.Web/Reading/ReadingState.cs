namespace NewsReader.Web.Reading;

/// <summary>
/// Where one reader stands with one article. Progress is an offset into the canonical text
/// (the first block in view), so it survives font and window changes and new revisions.
/// </summary>
public sealed class ReadingState
{
    public required string UserId { get; set; }
    public int ArticleId { get; set; }
    public bool Read { get; set; }
    public bool Archived { get; set; }
    public bool Favorite { get; set; }
    public int ProgressOffset { get; set; }
    /// <summary>The newest revision this reader has seen (opened, or acknowledged as seen); null before the first visit.</summary>
    public int? SeenRevision { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>How one reader likes articles set: kept per account, applied by the server so nothing flashes.</summary>
public sealed class ReaderSettings
{
    public required string UserId { get; set; }
    public string FontSize { get; set; } = "medium";
    public string LineWidth { get; set; } = "medium";
    public string Typeface { get; set; } = "serif";
    public string Theme { get; set; } = "system";
}
