
namespace NewsReader.Web.Revisions;

/// <summary>
/// One version of an article: the raw source exactly as read, and the canonical text that
/// every block, highlight and search hit is a range of.
/// </summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Number { get; set; }
    /// <summary>SHA-256 of the raw source bytes, hex: the identity of the content.</summary>
    public required string ContentHash { get; set; }
    public required string RawSource { get; set; }
    public required string SourceFormat { get; set; }
    /// <summary>How it came in: "file" (seeds, the ingest verb, an upload), "url" (a saved page) or "feed" (a polled feed).</summary>
    public string Origin { get; set; } = RevisionOrigins.File;
    public required string Title { get; set; }
    /// <summary>The place of the dateline ("Beijing").</summary>
    public string? Dateline { get; set; }
    /// <summary>The agency the dateline names ("Reuters").</summary>
    public string? Agency { get; set; }
    /// <summary>The publication ("Reuters", a page's site name, a feed's title).</summary>
    public string? SiteName { get; set; }
    public string? Author { get; set; }
    /// <summary>When the source says it was published (UTC); null when it does not say.</summary>
    public DateTime? Published { get; set; }
    /// <summary>A BCP 47 language tag as the source gives it.</summary>
    public string? Language { get; set; }
    public required string Text { get; set; }
    public int WordCount { get; set; }
    public int ReadingMinutes { get; set; }
    public DateTime IngestedAt { get; set; }
    public List<RevisionBlock> Blocks { get; set; } = [];
}

/// <summary>A heading or paragraph of a revision: a code-point range of its canonical text.</summary>
public sealed class RevisionBlock
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public int Ordinal { get; set; }
    public BlockKind Kind { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
}

/// <summary>The values of <see cref="ArticleRevision.Origin"/>.</summary>
public static class RevisionOrigins
{
    public const string File = "file";
    public const string Url = "url";
    public const string Feed = "feed";
}
