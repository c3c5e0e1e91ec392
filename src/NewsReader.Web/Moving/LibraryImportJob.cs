namespace NewsReader.Web.Moving;

/// <summary>The states of an import job, as the API spells them.</summary>
public static class ImportStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string state) => state is Done or Failed or Cancelled;
}

/// <summary>
/// One reader's import of another service's export. The upload is kept in the row until the job
/// ends, and <see cref="NextItem"/> says how far it got, so a restart carries on where it stopped
/// (the export is parsed again; parsing is pure and cheap beside fetching). A runner holds the
/// job while <see cref="LeaseUntil"/> is in the future and renews it after every item.
/// </summary>
public sealed class LibraryImportJob
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public string State { get; set; } = ImportStates.Queued;
    /// <summary>The export format's name (<see cref="ILibraryExportFormat.Name"/>).</summary>
    public required string Format { get; set; }
    public string? FileName { get; set; }
    /// <summary>SHA-256 of the upload, to tell the reader they sent this file before.</summary>
    public required string FileHash { get; set; }
    /// <summary>The export itself; dropped when the job ends.</summary>
    public byte[]? Upload { get; set; }
    /// <summary>Entries plus highlights that name only a title: the items the job works through.</summary>
    public int Total { get; set; }
    public int NextItem { get; set; }
    public int Articles { get; set; }
    public int Highlights { get; set; }
    public int Anchored { get; set; }
    public int Orphaned { get; set; }
    /// <summary>What could not be imported, a JSON array of <see cref="ImportFailure"/>.</summary>
    public string Failures { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>One entry or highlight not imported: which (its address or title), the quote where it is a highlight, and why.</summary>
public sealed record ImportFailure(int Item, string Entry, string Reason, string? Quote = null);
